// Imports MP4 files from anywhere on disk into the library folder, so videos made elsewhere sit
// next to generated ones: probed (only real MP4s with a video track), copied under our own name
// through a temp file + fsync + rename, hashed during the copy, and skipped when the same bytes are
// already in the library.
//
// Each import becomes a finished row (state 'done', cost 0, origin 'imported', the file name kept in
// sourceName) carrying the video, because the library lists, searches and groups generations: a
// bare video row would be invisible and could not belong to a project. A file with a recipe (a Wan
// Studio export, or a sidecar next to it) brings back its prompt, settings, seed and curation
// (restore-recipe.ts); without one, the prompt is the file name, so a search finds it by name, and
// the other params are stand-ins the schema needs, which the UI never shows.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { AspectRatio, GenerationParams } from '../../../shared/domain/params';
import { LIMITS } from '../../../shared/domain/params';
import { monthFolder } from '../downloads/library-paths';
import { isStudioError } from '../errors';
import { renameDurable } from '../fs/atomic';
import { type Mp4Info, probeMp4 } from '../media/mp4-probe';
import { findRecipe } from './find-recipe';
import { newId } from './ids';
import { copyWithHash, expandFolders } from './import-files';
import { type LinkParents, type RestoredVideo, restoreFromRecipe } from './restore-recipe';
import type { LibraryStore, VideoRecord } from './types';

export interface ImportResult {
  imported: VideoRecord[];
  skipped: { path: string; reason: string }[];
  /** How many of the imported came back with their recipe (a Wan Studio export, or a sidecar). */
  withRecipe: number;
  /** Recipes found but not used (they fail the schema, are too large…): the video came in plain. */
  recipesIgnored: { path: string; reason: string }[];
}

/** Proposed addition to LibraryStore; used when the store has it (see knownHashes otherwise). */
export interface VideoLookup {
  findVideoBySha256(sha256: string): VideoRecord | null;
}

const IMPORT_FOLDER = 'imported';
const TEMP_SUFFIX = '.import.tmp';
/** Where the browser host's uploads wait for their import (main/service/upload-store.ts), relative to the library root. */
export const IMPORT_STAGING_FOLDER = join('.wanstudio', 'staging');
/**
 * A temp file untouched this long belongs to an import that a crash interrupted; a live import
 * (this process or the CLI) writes its temp file continuously and is never this quiet.
 */
export const ABANDONED_IMPORT_MS = 10 * 60 * 1000;

/**
 * Removes what interrupted imports left behind: `imported/<month>/*.import.tmp` and staged drops.
 * Returns the removed paths (for the log).
 */
export async function sweepInterruptedImports(root: string, now = Date.now()): Promise<string[]> {
  const candidates: string[] = [];
  const list = (dir: string) => readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const month of await list(join(root, IMPORT_FOLDER))) {
    if (!month.isDirectory()) continue;
    const dir = join(root, IMPORT_FOLDER, month.name);
    for (const entry of await list(dir))
      if (entry.isFile() && entry.name.endsWith(TEMP_SUFFIX)) candidates.push(join(dir, entry.name));
  }
  for (const entry of await list(join(root, IMPORT_STAGING_FOLDER)))
    if (entry.isFile()) candidates.push(join(root, IMPORT_STAGING_FOLDER, entry.name));
  const removed: string[] = [];
  for (const path of candidates) {
    const info = await stat(path).catch(() => null);
    if (!info || now - info.mtimeMs < ABANDONED_IMPORT_MS) continue;
    await rm(path, { force: true });
    removed.push(path);
  }
  return removed;
}

export interface ImportOptions {
  projectId?: string | null;
  /** The name the user knows a file by, when it differs from its path (an upload's temp file). */
  nameOf?: (path: string) => string;
  /** Look for sidecars next to the files (default true; an upload's temp file has none). */
  sidecars?: boolean;
  /** Records the recipe's lineage where the parents are in this library. */
  linkParents?: LinkParents;
  /** Each generation an import made (its sidecar is written next to the library copy). */
  onImported?(generationId: string): void;
}

export async function importVideos(
  store: LibraryStore,
  paths: string[],
  options?: ImportOptions,
): Promise<ImportResult> {
  const result: ImportResult = { imported: [], skipped: [], withRecipe: 0, recipesIgnored: [] };
  const known = new KnownVideos(store);
  const nameOf = options?.nameOf ?? ((path: string) => basename(path));
  for (const path of await expandFolders(paths)) {
    try {
      const outcome = await importOne(store, path, nameOf(path), known, options ?? {});
      for (const reason of outcome.ignored) result.recipesIgnored.push({ path, reason });
      if (typeof outcome.video === 'string') result.skipped.push({ path, reason: outcome.video });
      else {
        result.imported.push(outcome.video);
        if (outcome.video.generationId) options?.onImported?.(outcome.video.generationId);
      }
      if (outcome.withRecipe) result.withRecipe++;
    } catch (error) {
      // One bad file (or a full disk) must not lose the report of the others.
      result.skipped.push({ path, reason: isStudioError(error) ? error.userMessage : String(error) });
    }
  }
  return result;
}

interface ImportOutcome {
  /** The new video, or the reason it was skipped. */
  video: VideoRecord | string;
  withRecipe: boolean;
  ignored: string[];
}

async function importOne(
  store: LibraryStore,
  path: string,
  name: string,
  known: KnownVideos,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const skip = (reason: string): ImportOutcome => ({ video: reason, withRecipe: false, ignored: [] });
  const file = await stat(path).catch(() => null);
  if (!file) return skip('File not found.');
  if (!file.isFile()) return skip('Not a file, and no videos inside.');
  const info = await probeMp4(path).catch((error: unknown) => {
    if (isStudioError(error) && error.kind === 'invalid_request') return error.userMessage;
    throw error;
  });
  if (typeof info === 'string') return skip(info);
  if (!info.hasVideo) return skip('The MP4 has no video track (audio only).');
  const found = await findRecipe(path, { sidecars: options.sidecars });
  const ignored = [...found.ignored];

  const relPath = `${IMPORT_FOLDER}/${monthFolder(Date.now())}/${newId()}.mp4`;
  const target = join(store.root, ...relPath.split('/'));
  const temp = `${target}${TEMP_SUFFIX}`;
  await mkdir(dirname(target), { recursive: true });
  try {
    const copied = await copyWithHash(path, temp);
    if (known.has(copied.sha256))
      return {
        ...skip('Already in the library (the same video was imported or generated before).'),
        ignored,
      };
    await renameDurable(temp, target);
    const video = { relPath, ...copied, width: info.width, height: info.height, durationMs: info.durationMs };
    try {
      if (found.recipe) {
        try {
          const restored = restoreFromRecipe(
            store,
            found.recipe.sidecar,
            video,
            { kind: 'import', source: found.recipe.source, sourceName: name },
            options.linkParents,
          );
          if (options.projectId !== undefined) store.assignProject([restored.record.id], options.projectId);
          known.add(copied.sha256);
          return { video: restored.video, withRecipe: true, ignored };
        } catch (error) {
          ignored.push(`recipe not restored: ${isStudioError(error) ? error.userMessage : String(error)}`);
        }
      }
      const added = addPlainImport(store, { name, info, video, projectId: options.projectId ?? null });
      known.add(copied.sha256);
      return { video: added, withRecipe: false, ignored };
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
  } finally {
    await rm(temp, { force: true });
  }
}

/** A video without a recipe: a finished 'imported' row named after its file, and its video. */
export function addPlainImport(
  store: LibraryStore,
  file: {
    name: string;
    info: Mp4Info;
    video: RestoredVideo;
    projectId?: string | null;
    /** Keep this id (rebuild: a trashed video's trash folder is named by it). */
    id?: string;
  },
): VideoRecord {
  const generation = store.createGeneration({
    projectId: file.projectId ?? null,
    params: paramsFor(file.name, file.info),
    requestType: 'async',
    estimatedCostUsd: 0,
    state: 'done',
    origin: 'imported',
    sourceName: file.name,
    restore: file.id ? { id: file.id } : undefined,
  });
  return store.addVideo(generation.id, { ...file.video, posterRelPath: null });
}

/** Stand-in settings the row's schema needs (never shown for an import): the nearest Wan 2.5 ones. */
export function paramsFor(fileName: string, info: Mp4Info): GenerationParams {
  const name = basename(fileName, extname(fileName)).replace(/\s+/g, ' ').trim();
  const shortSide = Math.min(info.width ?? 0, info.height ?? 0);
  const ratio = info.width && info.height ? info.width / info.height : 16 / 9;
  const aspectRatio: AspectRatio = ratio > 1.2 ? '16:9' : ratio < 0.83 ? '9:16' : '1:1';
  return {
    mode: 'text-to-video',
    prompt: (name || 'Imported video').slice(0, LIMITS.promptMax),
    resolution: shortSide >= 1000 ? '1080p' : '720p',
    duration: (info.durationMs ?? 0) > 7_500 ? 10 : 5,
    aspectRatio,
    promptExpansion: false,
    provider: 'auto',
  };
}

function hasVideoLookup(store: LibraryStore): store is LibraryStore & VideoLookup {
  return typeof (store as Partial<VideoLookup>).findVideoBySha256 === 'function';
}

/**
 * "Is this sha256 already in the library?" With `findVideoBySha256` on the store it is one indexed
 * query per file; without it, the hashes of every generation (trash included) are read once per
 * import call. Files imported earlier in the same call count too.
 */
class KnownVideos {
  private readonly hashes: Set<string>;

  constructor(private readonly store: LibraryStore) {
    this.hashes = hasVideoLookup(store) ? new Set() : allVideoHashes(store);
  }

  has(sha256: string): boolean {
    if (this.hashes.has(sha256)) return true;
    return hasVideoLookup(this.store) && this.store.findVideoBySha256(sha256) !== null;
  }

  add(sha256: string): void {
    this.hashes.add(sha256);
  }
}

function allVideoHashes(store: LibraryStore): Set<string> {
  const hashes = new Set<string>();
  for (const trashed of [false, true]) {
    let cursor: string | null = null;
    do {
      const page = store.query({ trashed, limit: 500, cursor });
      for (const item of page.items) if (item.video) hashes.add(item.video.sha256.toLowerCase());
      cursor = page.nextCursor;
    } while (cursor);
  }
  return hashes;
}
