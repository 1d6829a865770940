// A read-only or full disk under the library gives an error kind the UI turns into a sentence and
// a way out, never raw SQLite text or "internal". The disks are real: small tmpfs mounts (this
// needs root; where mounting is not permitted the tests say so and are skipped).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import { openLibrary } from '../../../main/core/library/library';
import type { StudioCore } from '../../../main/service/types';
import { startPlainCore } from '../../helpers/core-harness';
import { mountPermitted } from '../../helpers/tmpfs';
import { create } from './library-fixture';

const canMount = mountPermitted();

let dir = '';
let disk = '';
let core: StudioCore | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wan-disk-'));
  disk = join(dir, 'disk');
  mkdirSync(disk);
});
afterEach(async () => {
  await core?.close();
  core = null;
  spawnSync('umount', [disk]);
  rmSync(dir, { recursive: true, force: true });
});

function kindOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return isStudioError(error) ? `${error.kind}: ${error.userMessage}` : `raw: ${String(error)}`;
  }
}

describe.skipIf(!canMount)('libraries on a failing disk', () => {
  it('a library on a read-only disk: read_only, with what to do', () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk]);
    const root = join(disk, 'library');
    openLibrary({ root }).close();
    execFileSync('mount', ['-o', 'remount,ro', disk]);

    const failure = kindOf(() => openLibrary({ root, create: 'never' }));
    expect(failure).toMatch(/^read_only: /);
    expect(failure).toContain('cannot be written');
    expect(failure).not.toMatch(/SQLITE|unable to open/);
  });

  it('a full disk while the studio runs: disk_full through the dispatcher, not internal', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
    const root = join(disk, 'library');
    const seed = openLibrary({ root });
    const { id } = create(seed);
    seed.close();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'settings.json'), JSON.stringify({ libraryRoot: root }));
    core = await startPlainCore(join(dir, 'data'), join(dir, 'unused'));
    expect((await core.info()).libraryProblem).toBeNull();
    // Fill what is left of the disk.
    spawnSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=64k', 'count=100']);

    const dispatch = core.dispatch;
    let outcome: Awaited<ReturnType<typeof dispatch>> = { ok: true, value: null };
    for (let attempt = 0; attempt < 50 && outcome.ok; attempt++) {
      outcome = await dispatch('library.setNotes', { id, notes: `${attempt} ${'x'.repeat(9_000)}` });
    }
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe('disk_full');
    expect(outcome.error.message).toMatch(/is full\. Free some space/);
  });
});
