// Demo-mode persistence: the whole simulator state as one JSON file, replaced atomically. Saves
// are coalesced: while one write runs, any number of save() calls share the next one.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StudioError } from '../core/errors';
import { writeFileAtomic } from '../core/fs/atomic';
import type { PersistedState } from './task-store';

export async function loadState(path: string): Promise<PersistedState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw storageError(`Cannot read the simulator state file ${path}`, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw storageError(`The simulator state file ${path} is not valid JSON`, error);
  }
  if (!isState(parsed)) throw storageError(`The simulator state file ${path} has an unknown format`);
  return parsed;
}

function isState(value: unknown): value is PersistedState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<PersistedState>;
  return state.version === 1 && Number.isFinite(state.balance) && Array.isArray(state.tasks);
}

export class StateWriter {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => PersistedState,
  ) {}

  /** Resolves once a write that started after this call has reached the disk. */
  save(): Promise<void> {
    if (!this.running) {
      this.running = this.write().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    if (!this.queued) {
      this.queued = this.running
        .catch(() => {})
        .then(() => {
          this.queued = null;
          return this.save();
        });
    }
    return this.queued;
  }

  /** Waits for every write asked for so far. */
  async flush(): Promise<void> {
    await this.queued?.catch(() => {});
    await this.running?.catch(() => {});
  }

  private async write(): Promise<void> {
    // Snapshot synchronously at write start, so the file never mixes two moments.
    const text = JSON.stringify(this.snapshot());
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, text);
  }
}

function storageError(message: string, cause?: unknown): StudioError {
  return new StudioError({ kind: 'storage', userMessage: message, detail: String(cause ?? message), cause });
}
