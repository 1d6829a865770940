// Which files each watch folder has already handled, in <userData>/watch-folders.json (written
// atomically). A file is claimed *before* its generation is sent: a crash in between leaves it
// claimed and unsent rather than sent twice (a paid request is never repeated without the user).
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../core/fs/atomic';

export interface JournalEntry {
  /** Size and modification time identify the version of the file that was handled. */
  size: number;
  mtimeMs: number;
  outcome: 'claimed' | 'sent' | 'refused';
  ids?: string[];
  reason?: string;
}

type Journal = Record<string, Record<string, JournalEntry>>;

export class WatchJournal {
  private journal: Journal = {};
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  async load(): Promise<void> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, 'utf8'));
      if (parsed && typeof parsed === 'object') this.journal = parsed as Journal;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  /** The entry for this version of the file (a file replaced by a new one is new again). */
  seen(folder: string, name: string, size: number, mtimeMs: number): JournalEntry | null {
    const entry = this.journal[folder]?.[name];
    return entry && entry.size === size && entry.mtimeMs === mtimeMs ? entry : null;
  }

  async record(folder: string, name: string, entry: JournalEntry): Promise<void> {
    this.journal[folder] = { ...this.journal[folder], [name]: entry };
    const snapshot = JSON.stringify(this.journal, null, 2);
    this.writing = this.writing.then(() => writeFileAtomic(this.path, snapshot));
    await this.writing;
  }
}
