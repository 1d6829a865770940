// A rebuild replaces the library's database and a move takes its folder away: neither may happen
// while another process (the app, a `wan-studio generate --wait`) drives that library, or that
// process would go on writing rows — paid tasks among them — into a database nobody opens again.
// Two real cores on one library folder, as the app and a CLI run would be.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudioCore } from '../../main/service/types';
import { startPlainCore } from '../helpers/core-harness';

let dir = '';
let library = '';
const open: StudioCore[] = [];
const start = async (name: string, drives: boolean) => {
  const core = await startPlainCore(join(dir, name), library, { libraryDir: library, startEngine: drives });
  open.push(core);
  return core;
};
const keptAside = () =>
  readdirSync(join(library, '.wanstudio')).filter(
    (name) => /before-rebuild-[^.]*$/.test(name) && !/-(wal|shm)$/.test(name),
  );

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-whole-lock-'));
  library = join(dir, 'library');
});
afterEach(async () => {
  for (const core of open.splice(0)) await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('whole-library operations and the engine lock', () => {
  it('refuses a rebuild while another process drives the library, and changes nothing', async () => {
    const app = await start('app', true);
    const made = await app.api.projects.create({ name: 'Harbour' });
    const cli = await start('cli', false);

    await expect(cli.api.library.rebuild()).rejects.toMatchObject({
      contractError: { reason: 'library_busy' },
      message: expect.stringMatching(
        /^Another Wan Studio \(the browser studio, process \d+.*\) is working on this library/,
      ),
    });
    expect(keptAside()).toEqual([]);
    // Both go on using the same database.
    expect((await cli.api.projects.list()).map((project) => project.id)).toContain(made.id);
    await app.api.projects.create({ name: 'Dunes' });
    expect((await cli.api.projects.list()).map((project) => project.name)).toContain('Dunes');
  });

  it('rebuilds once the other process has closed, and the CLI can still not generate there after', async () => {
    const app = await start('app', true);
    await app.close();
    open.splice(open.indexOf(app), 1);
    const cli = await start('cli', false);
    await expect(cli.api.library.rebuild()).resolves.toMatchObject({ restored: 0, plain: 0 });
    expect(keptAside()).toHaveLength(1);
    expect(existsSync(join(library, '.wanstudio', 'library.db'))).toBe(true);
  });

  it('refuses to move the library while another process drives it', async () => {
    await start('app', true);
    const cli = await start('cli', false);
    const target = join(dir, 'moved');
    await expect(cli.api.library.move({ folder: target })).rejects.toMatchObject({
      contractError: { reason: 'library_busy' },
    });
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(library, '.wanstudio', 'library.db'))).toBe(true);
  });
});
