// Watch folders: each new image that lands in an enabled folder (once it has stopped changing)
// becomes one image-to-video generation with the folder's preset, in its project, sent through the
// same in-process API (and spend guard) as everything else. chokidar does the watching: fs.watch
// alone reports partial writes, renames and editors' temp files differently on every OS, and misses
// events on network drives; chokidar's awaitWriteFinish gives "the file stopped changing".
import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { FSWatcher } from 'chokidar';
import type { WatchFolder } from '../../shared/batch/watch-folder';
import type { StudioApi } from '../../shared/contract/contract';
import type { Logger } from '../core/log';
import { WatchJournal } from './watch-journal';

/** Names worth judging (the bytes decide in the end); partial downloads and hidden files are not. */
const IMAGE_EXTENSIONS = new Set([
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.gif',
  '.bmp',
  '.tif',
  '.tiff',
  '.avif',
  '.heic',
  '.heif',
]);

export type WatchOutcome = {
  folder: string;
  name: string;
  outcome: 'sent' | 'refused' | 'already';
  reason?: string;
};

export interface WatchFoldersDeps {
  api: StudioApi;
  journal: WatchJournal;
  log: Logger;
  /** Lets the host's path policy open this file (the user chose its folder). */
  grant(path: string): void;
  /** How long a file must stay the same size before it is taken (ms). */
  stableMs?: number;
}

export class WatchFolders {
  private watchers: FSWatcher[] = [];
  private queue: Promise<void> = Promise.resolve();
  private listeners = new Set<(outcome: WatchOutcome) => void>();
  /** The latest outcomes, newest last (what the log says; kept short). */
  readonly recent: WatchOutcome[] = [];

  constructor(private readonly deps: WatchFoldersDeps) {}

  /** Each file's outcome (the log has them too; tests wait on them). */
  onOutcome(listener: (outcome: WatchOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts watching the enabled folders, replacing whatever was watched before. */
  async apply(folders: readonly WatchFolder[]): Promise<void> {
    await this.close();
    const stableMs = this.deps.stableMs ?? 2000;
    const enabled = folders.filter((entry) => entry.enabled);
    // chokidar is loaded when a folder is first watched: most studios watch none, and start-up
    // should not pay for its modules.
    if (enabled.length === 0) return;
    const { watch } = await import('chokidar');
    for (const folder of enabled) {
      const watcher = watch(folder.folder, {
        depth: 0,
        // Files that arrived while the studio was closed are found too; the journal skips handled ones.
        ignoreInitial: false,
        awaitWriteFinish: { stabilityThreshold: stableMs, pollInterval: Math.min(100, stableMs) },
        ignored: (path, stats) =>
          basename(path).startsWith('.') ||
          (stats?.isFile() === true && !IMAGE_EXTENSIONS.has(extname(path).toLowerCase())),
      });
      watcher.on('add', (path) => {
        this.queue = this.queue
          .then(() => this.handle(folder, path))
          .catch((error: unknown) => {
            this.deps.log.warn('watch folder: a file could not be handled', {
              folder: folder.folder,
              error: String(error),
            });
          });
      });
      watcher.on('error', (error) =>
        this.deps.log.warn('watch folder: watching failed', { folder: folder.folder, error: String(error) }),
      );
      this.watchers.push(watcher);
    }
  }

  async close(): Promise<void> {
    const watchers = this.watchers;
    this.watchers = [];
    await Promise.all(watchers.map((watcher) => watcher.close()));
    await this.queue;
  }

  private emit(outcome: WatchOutcome): void {
    this.deps.log.info('watch folder', { ...outcome });
    this.recent.push(outcome);
    if (this.recent.length > 100) this.recent.shift();
    for (const listener of this.listeners) listener(outcome);
  }

  private async handle(folder: WatchFolder, path: string): Promise<void> {
    const name = basename(path);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return;
    const { journal, api } = this.deps;
    if (journal.seen(folder.folder, name, info.size, info.mtimeMs)) {
      this.emit({ folder: folder.folder, name, outcome: 'already' });
      return;
    }
    const version = { size: info.size, mtimeMs: info.mtimeMs };
    await journal.record(folder.folder, name, { ...version, outcome: 'claimed' });
    try {
      const project = folder.projectId
        ? (await api.projects.list()).find((entry) => entry.id === folder.projectId)?.name
        : undefined;
      const { preset } = folder;
      this.deps.grant(path);
      const { records } = await api.batch.create({
        items: [
          {
            params: {
              mode: 'image-to-video',
              prompt: preset.prompt,
              ...(preset.negativePrompt ? { negativePrompt: preset.negativePrompt } : {}),
              resolution: preset.resolution,
              duration: preset.duration,
              promptExpansion: preset.promptExpansion,
              provider: preset.provider,
            },
            imagePath: join(folder.folder, name),
            ...(project ? { project } : {}),
          },
        ],
      });
      await journal.record(folder.folder, name, {
        ...version,
        outcome: 'sent',
        ids: records.map((record) => record.id),
      });
      this.emit({ folder: folder.folder, name, outcome: 'sent' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await journal.record(folder.folder, name, { ...version, outcome: 'refused', reason });
      this.emit({ folder: folder.folder, name, outcome: 'refused', reason });
    }
  }
}

/** The core's watch folders: the journal opened, the settings' folders watched, re-read on change. */
export async function startWatchFolders(options: {
  api: StudioApi;
  folders: () => readonly WatchFolder[];
  journalPath: string;
  log: Logger;
  grant(path: string): void;
  stableMs?: number;
}): Promise<{ watchFolders: WatchFolders; settingsChanged(): Promise<void> }> {
  const journal = new WatchJournal(options.journalPath);
  await journal.load();
  const watchFolders = new WatchFolders({
    api: options.api,
    journal,
    log: options.log,
    grant: options.grant,
    stableMs: options.stableMs,
  });
  let applied = JSON.stringify(options.folders());
  await watchFolders.apply(options.folders());
  return {
    watchFolders,
    async settingsChanged() {
      const next = JSON.stringify(options.folders());
      if (next === applied) return;
      applied = next;
      await watchFolders.apply(options.folders());
    },
  };
}
