// The start-up half of a crash-safe move for the states the SIGKILL tests
// (test/chaos/library-move-kill.test.ts) cannot stop in: a crash right after the atomic rename of
// a same-disk move, and a journal that matches neither folder.
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library/library';
import { MoveJournal } from '../../../main/core/library/move-journal';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wan-move-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('recovering an interrupted move', () => {
  it('after the rename but before the switch: switches to the new place', async () => {
    const from = join(dir, 'old');
    const to = join(dir, 'new');
    const store = openLibrary({ root: from });
    store.createProject('kept');
    store.close();
    const journal = new MoveJournal(join(dir, 'library-move.json'));
    await journal.write({ from, to, phase: 'copying' });
    renameSync(from, to);

    const switched: string[] = [];
    const outcome = await journal.recover(async (root) => {
      switched.push(root);
    });
    expect(outcome).toMatchObject({ outcome: 'finished', root: to });
    expect(switched).toEqual([to]);
    expect(existsSync(journal.path)).toBe(false);
    const reopened = openLibrary({ root: to, create: 'never' });
    expect(reopened.listProjects().map((project) => project.name)).toEqual(['kept']);
    reopened.close();
  });

  it('touches nothing when neither folder holds the library', async () => {
    const journal = new MoveJournal(join(dir, 'library-move.json'));
    await journal.write({ from: join(dir, 'gone'), to: join(dir, 'also gone'), phase: 'copied' });
    const outcome = await journal.recover(async () => {
      throw new Error('must not switch');
    });
    expect(outcome?.outcome).toBe('left-alone');
    expect(existsSync(journal.path)).toBe(true);
  });
});
