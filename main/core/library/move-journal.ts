// The durable record of a library move in progress, kept outside both folders (in the app's data
// folder) so it survives the removal of either. A move is recorded before anything is copied and
// marked 'copied' once the copy is complete and verified; only then is the old folder removed.
// On start-up an interrupted move is finished or rolled back, whichever is safe:
//   'copying' + old library still there  → roll back: remove the partial copy (the target was
//                                          empty before the move, so everything in it is ours);
//   'copying' + old library gone         → it was an atomic rename that completed: switch;
//   'copied'  + copy has its database    → switch to the copy and finish removing the old folder.
import { readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDirectory, writeFileAtomic } from '../fs/atomic';

export interface MoveRecord {
  from: string;
  to: string;
  phase: 'copying' | 'copied';
}

export type MoveRecovery =
  | { outcome: 'rolled-back'; from: string; root: string }
  | { outcome: 'finished'; from: string; root: string }
  | { outcome: 'left-alone'; reason: string };

/** Where the database sits in a library folder, relative to its root (see library.ts). */
const DB_IN_LIBRARY = join('.wanstudio', 'library.db');

async function hasDatabase(root: string): Promise<boolean> {
  return stat(join(root, DB_IN_LIBRARY)).then(
    (info) => info.isFile() && info.size > 0,
    () => false,
  );
}

export class MoveJournal {
  constructor(readonly path: string) {}

  async write(record: MoveRecord): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(record)}\n`);
  }

  async read(): Promise<MoveRecord | null> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.path, 'utf8'));
    } catch {
      return null;
    }
    const record = raw as Partial<MoveRecord> | null;
    if (
      typeof record?.from !== 'string' ||
      typeof record.to !== 'string' ||
      (record.phase !== 'copying' && record.phase !== 'copied')
    )
      return null;
    return { from: record.from, to: record.to, phase: record.phase };
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
    await fsyncDirectory(dirname(this.path)).catch(() => {});
  }

  /**
   * Finishes or rolls back a move that a crash interrupted. `switchTo` records the library's new
   * root (settings); it is called again when the crash came after it, which must be harmless.
   */
  async recover(switchTo: (root: string) => Promise<void>): Promise<MoveRecovery | null> {
    const record = await this.read();
    if (!record) return null;
    const { from, to } = record;
    const copyReady = await hasDatabase(to);
    if (record.phase === 'copying' && (await hasDatabase(from))) {
      await rm(to, { recursive: true, force: true });
      await this.clear();
      return { outcome: 'rolled-back', from, root: from };
    }
    if (!copyReady) {
      // Neither rule applies (someone moved folders by hand): touch nothing, keep the record.
      return { outcome: 'left-alone', reason: `no library database at ${to}; ${from} left as it is` };
    }
    await switchTo(to);
    await rm(from, { recursive: true, force: true });
    await this.clear();
    return { outcome: 'finished', from, root: to };
  }
}
