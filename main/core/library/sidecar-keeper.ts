// Keeps every video's sidecar (`<video>.json`) in step with its generation. Callers say which
// generations changed (`touch`); the keeper coalesces a burst of changes into one write per
// generation, writes off the request path (temp file + rename), and retries a failed write later:
// a sidecar is a copy of what the database knows, so failing to write one is logged, never fatal.
// The wait before a retry grows per generation: one sidecar that cannot be written (a folder in
// its place, a file the user locked) does not hold back the others.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic';
import type { Logger } from '../log';
import { absolutePath } from './paths';
import { buildSidecar, type SidecarParent, sidecarJson, sidecarRelPath } from './sidecar-doc';
import { TRASH_DIR } from './trash';
import type { GenerationRecord, LibraryStore } from './types';

export interface SidecarKeeperOptions {
  /** The library open now (it changes when the user opens another); null when none is. */
  library(): LibraryStore | null;
  app: string;
  log: Pick<Logger, 'warn' | 'info'>;
  now(): number;
  /** The parents a generation was made from. Default: the library's lineage. */
  parentsOf?(library: LibraryStore, id: string): SidecarParent[];
  /** How long changes gather before they are written. Default 300 ms. */
  coalesceMs?: number;
  /** The wait before a failed write is tried again (doubling up to 5 min). Default 5 s. */
  retryMs?: number;
}

/** Bumped when the sweep must run again over existing libraries (a new field every sidecar needs). */
const SWEEP_SETTING = 'sidecars.sweptVersion';
const SWEEP_VERSION = 1;
const MAX_RETRY_MS = 5 * 60 * 1000;

export class SidecarKeeper {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Generations whose last write failed: how often in a row, and when (performance.now) to try again. */
  private readonly failing = new Map<string, { failures: number; retryAt: number }>();
  /** When the timer fires (performance.now), while one is set. */
  private timerAt = 0;
  private closed = false;
  /** A sweep's writes are queued: the library is marked swept once they are all on disk. */
  private sweeping: LibraryStore | null = null;

  constructor(private readonly options: SidecarKeeperOptions) {}

  /** These generations changed: their sidecars are rewritten soon. Never throws, never waits. */
  touch(ids: Iterable<string>): void {
    if (this.closed) return;
    for (const id of ids) this.dirty.add(id);
    this.schedule(this.options.coalesceMs ?? 300);
  }

  /** Writes everything pending now, waiting retries too (tests, shutdown, before an export reads the sidecars). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    if (this.dirty.size > 0) await this.run(true);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Libraries made before sidecars existed: writes the missing ones once, in the background (the
   * library remembers that it was swept). Returns how many generations were queued.
   */
  sweepOnce(library: LibraryStore): number {
    if ((library.getSetting<number>(SWEEP_SETTING) ?? 0) >= SWEEP_VERSION) return 0;
    const missing: string[] = [];
    let cursor: string | null = null;
    do {
      const page = library.query({ limit: 500, cursor, sort: 'created_asc' });
      for (const item of page.items)
        if (item.video && !existsSync(absolutePath(library.root, sidecarRelPath(item.video.relPath))))
          missing.push(item.id);
      cursor = page.nextCursor;
    } while (cursor);
    if (missing.length === 0) {
      library.setSetting(SWEEP_SETTING, SWEEP_VERSION);
      return 0;
    }
    // Marked swept only when every write landed: a crash half-way sweeps again at the next start.
    this.sweeping = library;
    this.options.log.info('writing sidecars for an existing library', { count: missing.length });
    this.touch(missing);
    return missing.length;
  }

  /** The sidecar text for one generation (export embeds the same JSON); null without a video. */
  sidecarTextOf(library: LibraryStore, record: GenerationRecord): string | null {
    const projectName = record.projectId
      ? (library.listProjects().find((project) => project.id === record.projectId)?.name ?? null)
      : null;
    const sidecar = buildSidecar(record, {
      projectName,
      parents: (this.options.parentsOf ?? parentsInLibrary)(library, record.id),
      app: this.options.app,
      now: this.options.now(),
    });
    return sidecar ? sidecarJson(sidecar) : null;
  }

  /** Wakes up in `delayMs`, or sooner when a wake-up is already set for earlier. */
  private schedule(delayMs: number): void {
    if (this.running || this.closed) return;
    const at = performance.now() + delayMs;
    if (this.timer) {
      if (this.timerAt <= at) return;
      clearTimeout(this.timer);
    }
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A flush() may be writing: its end schedules what is still pending.
      if (!this.running) void this.run(false);
    }, delayMs);
    this.timer.unref?.();
  }

  private run(everything: boolean): Promise<void> {
    this.running = this.writePending(everything).finally(() => {
      this.running = null;
      if (this.dirty.size > 0 && !this.closed) this.schedule(this.nextDueIn());
    });
    return this.running;
  }

  /** How long until the next pending write is due: fresh changes soon, failed ones at their retry. */
  private nextDueIn(): number {
    const now = performance.now();
    let due = Number.POSITIVE_INFINITY;
    for (const id of this.dirty) {
      const retryAt = this.failing.get(id)?.retryAt;
      due = Math.min(due, retryAt === undefined ? now + (this.options.coalesceMs ?? 300) : retryAt);
    }
    return Math.max(0, due - now);
  }

  private async writePending(everything: boolean): Promise<void> {
    const library = this.options.library();
    if (!library) return;
    const now = performance.now();
    const ids = [...this.dirty].filter((id) => everything || (this.failing.get(id)?.retryAt ?? 0) <= now);
    for (const id of ids) this.dirty.delete(id);
    for (const id of ids) {
      try {
        await this.writeOne(library, id);
        this.failing.delete(id);
      } catch (error) {
        const failures = (this.failing.get(id)?.failures ?? 0) + 1;
        const waitMs = Math.min((this.options.retryMs ?? 5000) * 2 ** (failures - 1), MAX_RETRY_MS);
        this.failing.set(id, { failures, retryAt: performance.now() + waitMs });
        this.dirty.add(id);
        this.options.log.warn('could not write a sidecar; it is tried again later', {
          id,
          error: String(error),
        });
      }
    }
    if (this.sweeping === library && this.dirty.size === 0) {
      this.sweeping = null;
      library.setSetting(SWEEP_SETTING, SWEEP_VERSION);
    }
  }

  private async writeOne(library: LibraryStore, id: string): Promise<void> {
    const record = library.getGeneration(id);
    // Gone, or no video yet: nothing to describe.
    if (!record?.video) return;
    const text = this.sidecarTextOf(library, record);
    if (text === null) return;
    // A trashed video's sidecar is beside it in the trash (so a rebuild brings it back as trashed).
    const trashed = record.deletedAt !== null;
    const folder = trashed ? join(library.root, TRASH_DIR, record.id) : library.root;
    const path = absolutePath(folder, sidecarRelPath(record.video.relPath));
    await writeFileAtomic(path, text);
    // Trashed or restored while this was written: the files moved without this one. Take it back
    // (an orphan there would also stop the next move) and write it again where the video is now.
    const now = library.getGeneration(id);
    if (now && (now.deletedAt !== null) !== trashed) {
      await rm(path, { force: true });
      this.dirty.add(id);
    }
  }
}

/** Where a generation came from, as its sidecar keeps it (ids, not records: they may be purged). */
export function parentsInLibrary(library: LibraryStore, id: string): SidecarParent[] {
  return library.lineage(id).parents.map((entry) => ({
    kind: entry.kind,
    generationId: entry.generationId,
    frameMs: entry.frameMs,
    position: entry.position,
  }));
}
