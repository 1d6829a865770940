// scripts/check-electronegativity.mjs on a copy of the sources with planted weaknesses: a finding
// nobody reviewed fails the build, and so do a file the tool cannot parse (it would otherwise go
// unchecked without a word) and a review whose code is gone. The real tree is the CI step's.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = join(process.cwd(), 'scripts', 'check-electronegativity.mjs');
let copy = '';
afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('scripts/check-electronegativity.mjs', () => {
  it('fails on an unreviewed finding one folder down, an unparsable file and a stale review', async () => {
    copy = await mkdtemp(join(tmpdir(), 'wan-electronegativity-test-'));
    for (const folder of ['main', 'preload', 'renderer'])
      await cp(join(process.cwd(), folder), join(copy, folder), { recursive: true });
    await mkdir(join(copy, 'main', 'electron', 'windows'), { recursive: true });
    await writeFile(
      join(copy, 'main', 'electron', 'windows', 'about-window.ts'),
      "import { BrowserWindow } from 'electron';\n" +
        'export const about = () =>\n' +
        '  new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n',
    );
    // Stands for syntax newer than the tool's parsers know: whatever the reason, unparsed is unchecked.
    await writeFile(join(copy, 'main', 'electron', 'unparsable.ts'), 'export const = ;\n');
    // A reviewed finding whose code is gone: its entry must go too, or it could excuse new code.
    const handlers = join(copy, 'main', 'service', 'handlers.ts');
    const code = await readFile(handlers, 'utf8');
    await writeFile(handlers, code.replace('await deps.platform.openExternal(safeUrl);', 'void safeUrl;'));

    const result = spawnSync(process.execPath, [SCRIPT, copy], { encoding: 'utf8' });
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toMatch(/main\/electron\/windows\/about-window\.ts:3:\d+ NODE_INTEGRATION_JS_CHECK/);
    expect(output).toMatch(/main\/electron\/windows\/about-window\.ts:3:\d+ CONTEXT_ISOLATION_JS_CHECK/);
    expect(output).toMatch(/main\/electron\/unparsable\.ts: could not be parsed/);
    expect(output).toMatch(/reviewed OPEN_EXTERNAL_JS_CHECK in main\/service\/handlers\.ts no longer occurs/);
    expect(output.match(/no longer occurs/g), 'the other reviewed findings still match').toHaveLength(1);
    expect(result.status).toBe(1);
  }, 120_000);
});
