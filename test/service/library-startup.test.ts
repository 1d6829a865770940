// What the studio does at start-up when its settings or its library are not as they should be:
// nothing is recreated or overwritten, the user is told what happened and given a way out.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/core/library/library';
import type { StudioCore } from '../../main/service/types';
import { CLI, ensureCliBuilt, ROOT } from '../helpers/cli-process';
import { startPlainCore } from '../helpers/core-harness';

let dir = '';
let core: StudioCore | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-startup-'));
});
afterEach(async () => {
  await core?.close();
  core = null;
  await rm(dir, { recursive: true, force: true });
});

const data = () => join(dir, 'data');

async function writeSettings(content: string): Promise<void> {
  await mkdir(data(), { recursive: true });
  await writeFile(join(data(), 'settings.json'), content);
}

async function start(): Promise<StudioCore> {
  core = await startPlainCore(data(), join(dir, 'default library'));
  return core;
}

async function rejectionKind(call: () => unknown): Promise<string> {
  try {
    await call();
    return 'no error';
  } catch (error) {
    return (error as { kind?: string }).kind ?? String(error);
  }
}

describe('an unreadable settings file', () => {
  it('is kept aside (not overwritten), defaults are used, and the user and the log are told', async () => {
    const broken = '{ "settings": { "theme": "dark", }, "libraryRoot": "/somewhere" }';
    await writeSettings(broken);
    const studio = await start();

    const info = await studio.info();
    expect(info.settingsKeptAs).toMatch(/settings\.json\.broken-/);
    expect(await readFile(info.settingsKeptAs ?? '', 'utf8')).toBe(broken);
    expect(await studio.api.settings.get()).toMatchObject({ theme: 'system' });
    // Not a first run: the default library is not created in place of the one the file named.
    expect(info.libraryProblem?.kind).toBe('library_missing');
    expect(existsSync(join(dir, 'default library'))).toBe(false);

    await studio.api.settings.update({ theme: 'light' });
    expect(await readFile(info.settingsKeptAs ?? '', 'utf8')).toBe(broken);
    await studio.close();
    const log = await readFile(join(data(), 'logs', 'wan-studio.log'), 'utf8');
    expect(log).toContain('the settings file could not be read');
  });
});

describe('a library that is not there', () => {
  it('on an unmounted drive: reported, its folders not created, and a way out offered', async () => {
    const unmounted = join(dir, 'media', 'usb-drive', 'Wan Library');
    await writeSettings(JSON.stringify({ libraryRoot: unmounted }));
    const studio = await start();

    const info = await studio.info();
    expect(info.libraryProblem).toMatchObject({ kind: 'library_missing', path: unmounted });
    expect(info.libraryProblem?.message).toContain(unmounted);
    expect(existsSync(join(dir, 'media'))).toBe(false);
    expect(await rejectionKind(() => studio.api.library.query({}))).toBe('library_missing');

    // Retry still refuses to create it; a new library where the user says is made on request.
    expect(await rejectionKind(() => studio.api.library.reopen())).toBe('library_missing');
    expect(existsSync(join(dir, 'media'))).toBe(false);
    const fresh = join(dir, 'new library');
    const after = await studio.api.library.createNew({ folder: fresh });
    expect(after).toMatchObject({ libraryProblem: null, libraryRoot: fresh });
    expect((await studio.api.library.query({})).items).toEqual([]);
    expect(JSON.parse(await readFile(join(data(), 'settings.json'), 'utf8')).libraryRoot).toBe(fresh);
  });

  it('can be located elsewhere, and the empty folder of a remembered library is not a library', async () => {
    const elsewhere = join(dir, 'moved by hand');
    const existing = openLibrary({ root: elsewhere });
    existing.createProject('kept');
    existing.close();
    const emptyFolder = join(dir, 'mount point');
    await mkdir(emptyFolder);
    await writeSettings(JSON.stringify({ libraryRoot: emptyFolder }));
    const studio = await start();

    expect((await studio.info()).libraryProblem?.kind).toBe('library_missing');
    expect(await readdir(emptyFolder)).toEqual([]);
    expect(await rejectionKind(() => studio.api.library.locate({ folder: join(dir, 'nothing here') }))).toBe(
      'library_missing',
    );
    await studio.api.library.locate({ folder: elsewhere });
    expect((await studio.api.projects.list()).map((project) => project.name)).toEqual(['kept']);
  });

  it('a zero-length database is refused, not opened as an empty library', async () => {
    const root = join(dir, 'library');
    await mkdir(join(root, '.wanstudio'), { recursive: true });
    await writeFile(join(root, '.wanstudio', 'library.db'), '');
    await writeSettings(JSON.stringify({ libraryRoot: root }));
    const studio = await start();

    expect((await studio.info()).libraryProblem).toMatchObject({ kind: 'library_corrupt', path: root });
    expect(statSync(join(root, '.wanstudio', 'library.db')).size).toBe(0);
    expect(() => openLibrary({ root })).toThrow(/empty \(0 bytes\)/);
  });

  it('a database that is not one gives library_corrupt with what to do', async () => {
    const root = join(dir, 'library');
    await mkdir(join(root, '.wanstudio'), { recursive: true });
    await writeFile(join(root, '.wanstudio', 'library.db'), 'this is not a database, just text '.repeat(200));
    await writeSettings(JSON.stringify({ libraryRoot: root }));
    const problem = (await (await start()).info()).libraryProblem;
    expect(problem?.kind).toBe('library_corrupt');
    expect(problem?.message).toMatch(/damaged .* Restore it from a backup, or choose another library/);
  });

  it('the CLI exits non-zero with the path and the cause, and creates nothing', () => {
    ensureCliBuilt();
    const unmounted = join(dir, 'media', 'usb-drive', 'Wan Library');
    const settings = JSON.stringify({ libraryRoot: unmounted });
    spawnSync('mkdir', ['-p', data()]);
    spawnSync('sh', ['-c', `printf '%s' '${settings}' > '${join(data(), 'settings.json')}'`]);
    const run = spawnSync(process.execPath, [CLI, 'list', '--data', data()], {
      cwd: ROOT,
      env: { ...process.env, APIXO_API_KEY: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(unmounted);
    expect(run.stderr).toMatch(/is not there/);
    expect(existsSync(join(dir, 'media'))).toBe(false);
  });
});

describe('start-up housekeeping', () => {
  it('removes the temp files of imports a crash interrupted, and leaves a live one alone', async () => {
    const root = join(dir, 'library');
    openLibrary({ root }).close();
    const month = join(root, 'imported', '2026-01');
    await mkdir(month, { recursive: true });
    await mkdir(join(root, '.wanstudio', 'staging'), { recursive: true });
    const abandoned = join(month, 'a1b2.mp4.import.tmp');
    const staged = join(root, '.wanstudio', 'staging', '5f3e.mp4');
    const live = join(month, 'c3d4.mp4.import.tmp');
    for (const file of [abandoned, staged, live]) await writeFile(file, 'half a video');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const file of [abandoned, staged]) await utimes(file, hourAgo, hourAgo);
    await writeSettings(JSON.stringify({ libraryRoot: root }));
    await start();

    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(staged)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
