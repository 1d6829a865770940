// A library move killed with SIGKILL at each phase (copying, switching the settings to the new
// place, removing the old folder) loses nothing: the next start finds one complete library with
// every row and every file, at the old place when the copy was incomplete (the partial copy is
// removed) and at the new place once the copy was complete and verified (the old one is removed).
// The studio is the real browser host in a child process; pause-fs.mjs holds it at the exact
// point, and forces the copy path a move between two disks takes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importVideos } from '../../main/core/library/import';
import { openLibrary } from '../../main/core/library/library';
import { DEFAULT_MEDIA_DIR } from '../../main/demo/options';
import { CLI, ensureCliBuilt, ROOT, until } from '../helpers/cli-process';
import { codeOf, exchangeCode } from '../helpers/host-process';
import { connect } from '../helpers/host-socket';
import { expectSoundLibrary } from '../helpers/library-audit';

const HOST = join(ROOT, 'dist', 'node', 'host.js');
const PAUSE_HOOK = join(ROOT, 'test', 'helpers', 'pause-fs.mjs');
const CLIPS = [
  join(DEFAULT_MEDIA_DIR, 'clip-16x9.mp4'),
  join(DEFAULT_MEDIA_DIR, 'clip-1x1.mp4'),
  join(DEFAULT_MEDIA_DIR, 'clip-9x16.mp4'),
  join(ROOT, 'test', 'fixtures', 'media', 'clip-faststart.mp4'),
  join(ROOT, 'test', 'fixtures', 'media', 'clip-moov-at-end.mp4'),
];

let dir = '';
beforeAll(() => ensureCliBuilt());
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A library of five imported videos at `old`, remembered in settings as the app's library. */
async function setUp() {
  dir = await mkdtemp(join(tmpdir(), 'wan-move-kill-'));
  const paths = { data: join(dir, 'data'), old: join(dir, 'old'), to: join(dir, 'disk2', 'Wan Library') };
  const store = openLibrary({ root: paths.old });
  const result = await importVideos(store, CLIPS);
  expect(result.imported).toHaveLength(CLIPS.length);
  store.close();
  await rm(paths.data, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(paths.data, { recursive: true }));
  await writeFile(join(paths.data, 'settings.json'), JSON.stringify({ libraryRoot: paths.old }));
  return paths;
}

async function killDuringMove(phase: 'copy' | 'switch' | 'remove', paths: Awaited<ReturnType<typeof setUp>>) {
  const mark = join(dir, 'paused');
  const child = spawn(process.execPath, ['--import', PAUSE_HOOK, HOST, '--data', paths.data, '--port', '0'], {
    cwd: ROOT,
    env: {
      ...process.env,
      APIXO_API_KEY: '',
      WAN_TEST_FROM: paths.old,
      WAN_TEST_TO: paths.to,
      WAN_TEST_PAUSE_AT: phase,
      WAN_TEST_MARK: mark,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_, signal) => resolve(signal)),
  );
  try {
    await until(() => /running at (\S+)/.test(output), 30_000, `the host to start: ${output}`);
    const url = new URL(/running at (\S+)/.exec(output)?.[1] ?? '');
    const { token } = (await (await exchangeCode(url.origin, codeOf(url.href))).json()) as { token: string };
    const ui = await connect({ origin: url.origin, token });
    void ui.call('library.move', { folder: paths.to }).catch(() => {});
    await until(() => existsSync(mark), 30_000, `the move to reach "${phase}": ${output}`);
    ui.close();
  } finally {
    child.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
}

/** The next start, as the CLI: every row, each with its file under the root it reports. */
function listAfterRestart(data: string): { total: number; items: { filePath: string | null }[] } {
  const run = spawnSync(process.execPath, [CLI, 'list', '--json', '--limit', '100', '--data', data], {
    cwd: ROOT,
    env: { ...process.env, APIXO_API_KEY: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('a library move killed at each phase loses nothing', () => {
  it('during the copy: rolled back to the old place, the partial copy removed', async () => {
    const paths = await setUp();
    await killDuringMove('copy', paths);
    expect(existsSync(paths.to)).toBe(true); // the partial copy the crash left

    const listed = listAfterRestart(paths.data);
    expect(listed.total).toBe(CLIPS.length);
    for (const item of listed.items) expect(item.filePath?.startsWith(paths.old)).toBe(true);
    expect(existsSync(paths.to)).toBe(false);
    await expectSoundLibrary(paths.old);
    expect(await readdir(paths.data)).not.toContain('library-move.json');
  });

  for (const phase of ['switch', 'remove'] as const) {
    it(`during the ${phase === 'switch' ? 'switch to the copy' : 'removal of the old folder'}: finished at the new place`, async () => {
      const paths = await setUp();
      await killDuringMove(phase, paths);

      const listed = listAfterRestart(paths.data);
      expect(listed.total).toBe(CLIPS.length);
      for (const item of listed.items) expect(item.filePath?.startsWith(paths.to)).toBe(true);
      expect(existsSync(paths.old)).toBe(false);
      const audit = await expectSoundLibrary(paths.to);
      expect(audit.rows).toHaveLength(CLIPS.length);
      expect(await readdir(paths.data)).not.toContain('library-move.json');
    });
  }
});
