// "Export to folder": copies of library videos that carry their recipe in the MP4's metadata (and,
// when asked, the sidecar next to them). Each copy is written to a temp file in the target folder,
// fsynced, and linked under a free name only when complete; a full disk or a cancel removes the
// temp file and stops, leaving the copies already finished and nothing half-written. The library
// file is only read.
import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { access, link, open, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isStudioError, StudioError } from '../core/errors';
import { fsyncDirectory, writeFileAtomic } from '../core/fs/atomic';
import { storageFailure } from '../core/fs/storage-failure';
import { absolutePath } from '../core/library/paths';
import type { SidecarKeeper } from '../core/library/sidecar-keeper';
import type { LibraryStore } from '../core/library/types';

export interface ExportOptions {
  /** Write `<copy>.json` next to each copy too. */
  sidecars?: boolean;
  signal?: AbortSignal;
  /** After each finished copy: how many are done of how many. */
  onProgress?(done: number, total: number): void;
  /** While one copy is written: 0..1 of its packets. */
  onCopyProgress?(fraction: number): void;
}

export interface ExportOutcome {
  copied: number;
  /** Copies written, as file names in the folder. */
  files: string[];
  skipped: { id: string; reason: string }[];
}

export async function exportWithRecipes(
  library: LibraryStore,
  sidecars: SidecarKeeper,
  ids: string[],
  folder: string,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  const outcome: ExportOutcome = { copied: 0, files: [], skipped: [] };
  // mediabunny is loaded by the first export, not at start-up (it is ~0.25 s of module loading).
  const { writeWithRecipe } = await import('../core/media/embed-recipe');
  for (const id of ids) {
    options.signal?.throwIfAborted();
    const record = library.getGeneration(id);
    const recipe = record ? sidecars.sidecarTextOf(library, record) : null;
    if (!record?.video || recipe === null) {
      outcome.skipped.push({ id, reason: 'This generation has no video file yet.' });
      continue;
    }
    const source = absolutePath(library.root, record.video.relPath);
    // The library's own file first: its problem is not the target folder's (read-only, full).
    const unreadable = await access(source, constants.R_OK).then(
      () => null,
      (error: NodeJS.ErrnoException) => error.code ?? 'unreadable',
    );
    if (unreadable) {
      outcome.skipped.push({
        id,
        reason:
          unreadable === 'ENOENT'
            ? `Its video file is missing from the library (${record.video.relPath}).`
            : `Its video file in the library cannot be read (${record.video.relPath}, ${unreadable}).`,
      });
      continue;
    }
    const name = basename(record.video.relPath, '.mp4');
    const temp = join(folder, `.${name}.${randomBytes(4).toString('hex')}.export.tmp`);
    try {
      await writeWithRecipe(source, temp, {
        recipe,
        title: record.params.prompt,
        signal: options.signal,
        onProgress: options.onCopyProgress,
      });
      const file = await linkUnderFreeName(temp, folder, name, Boolean(options.sidecars));
      if (options.sidecars) await writeFileAtomic(join(folder, `${file}.json`), recipe);
      outcome.copied++;
      outcome.files.push(file);
      options.onProgress?.(outcome.copied, ids.length);
    } catch (error) {
      const stop = failureThatStops(error, folder, options.signal);
      if (stop) throw stop;
      outcome.skipped.push({ id, reason: isStudioError(error) ? error.userMessage : String(error) });
    } finally {
      await rm(temp, { force: true });
    }
  }
  await fsyncDirectory(folder).catch(() => {});
  return outcome;
}

/** A cancel or a disk problem ends the export (the next copy would fail the same way); other errors skip one video. */
function failureThatStops(error: unknown, folder: string, signal?: AbortSignal): StudioError | null {
  if (signal?.aborted) {
    return new StudioError({
      kind: 'cancelled',
      userMessage:
        'The export was cancelled. Copies already finished are kept; nothing is left half-written.',
    });
  }
  return storageFailure(error, folder);
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

/**
 * Puts the temp file at `target`, failing with EEXIST when a file is there. A hard link is atomic
 * and exclusive; drives without hard links (FAT, exFAT) get an exclusive empty placeholder that
 * the rename then replaces.
 */
async function placeAt(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
    return;
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  await (await open(target, 'wx')).close();
  await rename(temp, target);
}

/** Links the finished temp file as `name.mp4`, or `name (1).mp4`…: never over an existing file. */
/**
 * Places the copy under the first free `name.mp4`, `name (1).mp4`, …; with a sidecar to follow, a
 * name whose `.mp4.json` is already there (a file of the user's) counts as taken too.
 */
async function linkUnderFreeName(
  temp: string,
  folder: string,
  name: string,
  withSidecar: boolean,
): Promise<string> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const file = attempt === 0 ? `${name}.mp4` : `${name} (${attempt}).mp4`;
    if (withSidecar && existsSync(join(folder, `${file}.json`))) continue;
    try {
      await placeAt(temp, join(folder, file));
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new StudioError({ kind: 'storage', userMessage: `Too many files named ${name} in ${folder}.` });
}

/** Running exports by the id the UI gave them, so a second call can cancel one. */
export class ExportRuns {
  private readonly running = new Map<string, AbortController>();
  private readonly all = new Set<{ controller: AbortController; done: Promise<unknown> }>();

  async run<T>(exportId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (exportId) this.running.set(exportId, controller);
    const done = work(controller.signal);
    const entry = { controller, done };
    this.all.add(entry);
    try {
      return await done;
    } finally {
      this.all.delete(entry);
      if (exportId && this.running.get(exportId) === controller) this.running.delete(exportId);
    }
  }

  /** Shutting down: every running export is cancelled and has removed its temp file when this resolves. */
  async cancelAll(): Promise<void> {
    const entries = [...this.all];
    for (const entry of entries) entry.controller.abort();
    await Promise.allSettled(entries.map((entry) => entry.done));
  }

  /** Unknown or finished ids are ignored: the export is over either way. */
  cancel(exportId: string): void {
    this.running.get(exportId)?.abort();
  }
}
