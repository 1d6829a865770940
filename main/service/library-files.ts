// File operations the UI asks for on library items: posters and import of sent files (export: library-export.ts).
// Every path is derived from the library root and our own ids, never from what the UI sends.
import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { ImportResult } from '../../shared/contract/contract';
import type { FileRef } from '../../shared/contract/file-refs';
import { MAX_THUMBNAIL_BYTES } from '../../shared/domain/frames';
import { isStudioError, StudioError } from '../core/errors';
import { writeFileAtomic } from '../core/fs/atomic';
import {
  type ImportResult as CoreImportResult,
  type ImportOptions,
  importVideos,
} from '../core/library/import';
import { absolutePath } from '../core/library/paths';
import type { GenerationRecord, LibraryStore, VideoRecord } from '../core/library/types';
import type { FileAccess, LocalFile } from './file-access';

/** Hover-scrub sprites, relative to the library root (forward slashes, as every stored path). */
const STRIPS_FOLDER = '.wanstudio/strips';

export function videoPathOf(library: LibraryStore, record: GenerationRecord | null): string {
  if (!record?.video)
    throw new StudioError({ kind: 'not_found', userMessage: 'This generation has no video file yet.' });
  return absolutePath(library.root, record.video.relPath);
}

function requireThumbnail(jpeg: Uint8Array, what: 'poster' | 'strip'): void {
  const isJpeg = jpeg.length > 3 && jpeg[0] === 0xff && jpeg[1] === 0xd8 && jpeg[2] === 0xff;
  if (!isJpeg || jpeg.length > MAX_THUMBNAIL_BYTES) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `A ${what} must be a JPEG image under 4 MB.`,
    });
  }
}

function requireVideo(library: LibraryStore, videoId: string): VideoRecord {
  const video = library.getVideo(videoId);
  if (!video) throw new StudioError({ kind: 'not_found', userMessage: 'That video is not in the library.' });
  return video;
}

export async function savePoster(library: LibraryStore, videoId: string, jpeg: Uint8Array): Promise<void> {
  requireThumbnail(jpeg, 'poster');
  const video = requireVideo(library, videoId);
  const posterRelPath = `${video.relPath.replace(/\.mp4$/i, '')}.jpg`;
  await writeFileAtomic(absolutePath(library.root, posterRelPath), jpeg);
  library.setPoster(videoId, posterRelPath);
}

/**
 * The hover-scrub sprite: kept with the library's own files (it is a cache the UI can make again),
 * named by the video's id so a regenerated strip replaces the old one in place.
 */
export async function saveStrip(library: LibraryStore, videoId: string, jpeg: Uint8Array): Promise<void> {
  requireThumbnail(jpeg, 'strip');
  requireVideo(library, videoId);
  const stripRelPath = `${STRIPS_FOLDER}/${videoId}.jpg`;
  const path = absolutePath(library.root, stripRelPath);
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, jpeg);
  library.setStrip(videoId, stripRelPath);
}

/**
 * Files the UI sent (preload/file-refs): each is opened through the host's file access (a refused
 * path or a stale upload is reported for that file alone), imported under the name the user knows
 * it by, and released (an upload's temp file is deleted) whatever happened.
 */
export async function importFileRefs(
  library: LibraryStore,
  access: FileAccess,
  refs: readonly FileRef[],
  options: ImportOptions = {},
) {
  // A path the host does not allow refuses the whole call (forbidden), before any upload is used.
  for (const ref of refs) if (ref.via === 'path') access.paths.check(ref.path);
  const skipped: ImportResult['skipped'] = [];
  const opened: LocalFile[] = [];
  for (const ref of refs) {
    try {
      opened.push(access.open(ref));
    } catch (error) {
      if (!isStudioError(error)) throw error;
      skipped.push({ name: 'file', reason: error.userMessage });
    }
  }
  try {
    const names = new Map(opened.map((file) => [file.path, file.name]));
    const nameOf = (path: string) => names.get(path) ?? basename(path);
    // An upload's temp file has no sidecar next to it; a granted path may.
    const sidecars = refs.every((ref) => ref.via === 'path');
    const result = await importVideos(
      library,
      opened.map((file) => file.path),
      { ...options, nameOf, sidecars },
    );
    const summary = summarize(result, nameOf);
    return { ...summary, skipped: [...skipped, ...summary.skipped] };
  } finally {
    await Promise.all(opened.map((file) => file.release().catch(() => {})));
  }
}

export async function importPaths(
  library: LibraryStore,
  access: FileAccess,
  paths: string[],
  options: ImportOptions = {},
) {
  for (const path of paths) access.paths.check(path);
  return summarize(await importVideos(library, paths, options), (path) => basename(path));
}

function summarize(result: CoreImportResult, nameOf: (path: string) => string): ImportResult {
  return {
    imported: result.imported.length,
    skipped: result.skipped.map((skip) => ({ name: nameOf(skip.path), reason: skip.reason })),
    withRecipe: result.withRecipe,
    recipesIgnored: result.recipesIgnored.map((item) => ({ name: nameOf(item.path), reason: item.reason })),
  };
}
