// The job engine of the open library and the OS lock that makes it the only one driving that
// library. A session that could not take the lock still reads the library; asking it to generate
// names the process that holds it (read at that moment: the holder may have won the lock only a
// moment before this process tried).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { StudioError } from '../core/errors';
import type { JobEngine } from '../core/jobs/engine';
import { acquireEngineLock, describeHolder, type EngineLock, readLockHolder } from '../core/jobs/engine-lock';
import type { LibraryStore } from '../core/library/types';
import type { Logger } from '../core/log';

export interface EngineSessionOptions {
  makeEngine(library: LibraryStore): JobEngine;
  /** false: read-only use of the library (CLI list/search); no jobs are driven. */
  drive: boolean;
  /** Which app holds the lock, for another process's "busy" message. */
  app: string;
  log: Logger;
}

const lockRecordAt = (root: string) => join(root, '.wanstudio', 'engine.lock');
const lockRecordOf = (library: LibraryStore) => lockRecordAt(library.root);

function busyError(holder: ReturnType<typeof readLockHolder>): StudioError {
  return new StudioError({
    kind: 'invalid_request',
    userMessage: `Another Wan Studio${holder ? ` (${describeHolder(holder)})` : ''} is working on this library. Close it first.`,
    reasonCode: 'library_busy',
    reasonParams: { holder: holder ? `(${describeHolder(holder)})` : '' },
  });
}

export class EngineSession {
  private engine: JobEngine | null = null;
  private lock: EngineLock | null = null;
  private library: LibraryStore | null = null;
  /** True when another process held the library's lock when this one tried to take it. */
  private heldElsewhere = false;

  constructor(private readonly options: EngineSessionOptions) {}

  async start(library: LibraryStore): Promise<void> {
    this.library = library;
    this.engine = this.options.makeEngine(library);
    if (!this.options.drive) return;
    const result = await acquireEngineLock(lockRecordOf(library), { app: this.options.app });
    this.heldElsewhere = 'heldBy' in result;
    if ('heldBy' in result) {
      this.options.log.warn('another process drives this library; jobs are not started here', {
        holder: result.heldBy,
      });
      return;
    }
    this.lock = result;
    this.engine.start();
  }

  async stop(): Promise<void> {
    await this.engine?.stop();
    await this.lock?.release();
    this.lock = null;
  }

  /**
   * Runs `work` on the library at `root` (its whole database: a rebuild, a move) with this session's
   * engine stopped and the library's lock held, whether or not this session drives jobs: refused
   * when another process holds the lock, since that process would go on writing to a database that
   * is being replaced under it. The caller starts the engine again afterwards.
   */
  async withLibraryLocked<T>(root: string, work: () => Promise<T>): Promise<T> {
    await this.stop();
    await mkdir(join(root, '.wanstudio'), { recursive: true });
    const taken = await acquireEngineLock(lockRecordAt(root), { app: this.options.app });
    if ('heldBy' in taken) throw busyError(taken.heldBy ?? readLockHolder(lockRecordAt(root)));
    try {
      return await work();
    } finally {
      await taken.release();
    }
  }

  /** The engine, when there is a library (callers check that first). */
  current(): JobEngine | null {
    return this.engine;
  }

  /** The engine to create jobs with: refused when another process (or read-only use) has the library. */
  forGenerating(): JobEngine {
    if (this.engine && this.lock) return this.engine;
    const holder = this.heldElsewhere && this.library ? readLockHolder(lockRecordOf(this.library)) : null;
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: this.heldElsewhere
        ? `Another Wan Studio${holder ? ` (${describeHolder(holder)})` : ''} is working on this library. Generate there, or close it first.`
        : 'This session opened the library read-only.',
      ...(this.heldElsewhere
        ? {
            reasonCode: 'library_busy' as const,
            reasonParams: { holder: holder ? `(${describeHolder(holder)})` : '' },
          }
        : {}),
    });
  }
}
