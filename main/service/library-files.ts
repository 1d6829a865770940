// File operations the UI asks for on library items: posters, export, import of dropped bytes.
// Every path is derived from the library root and our own ids, never from what the UI sends.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { StudioError } from '../core/errors';
import { writeFileAtomic } from '../core/fs/atomic';
import { IMPORT_STAGING_FOLDER, importVideos } from '../core/library/import';
import { absolutePath } from '../core/library/paths';
import type { GenerationRecord, LibraryStore } from '../core/library/types';

const MAX_POSTER_BYTES = 4 * 1024 * 1024;
const MAX_IMPORT_BYTES = 4 * 1024 * 1024 * 1024;

export function videoPathOf(library: LibraryStore, record: GenerationRecord | null): string {
  if (!record?.video)
    throw new StudioError({ kind: 'not_found', userMessage: 'This generation has no video file yet.' });
  return absolutePath(library.root, record.video.relPath);
}

export async function savePoster(library: LibraryStore, videoId: string, jpeg: Uint8Array): Promise<void> {
  const isJpeg = jpeg.length > 3 && jpeg[0] === 0xff && jpeg[1] === 0xd8 && jpeg[2] === 0xff;
  if (!isJpeg || jpeg.length > MAX_POSTER_BYTES) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: 'A poster must be a JPEG image under 4 MB.',
    });
  }
  const video = library.getVideo(videoId);
  if (!video) throw new StudioError({ kind: 'not_found', userMessage: 'That video is not in the library.' });
  const posterRelPath = `${video.relPath.replace(/\.mp4$/i, '')}.jpg`;
  await writeFileAtomic(absolutePath(library.root, posterRelPath), jpeg);
  library.setPoster(videoId, posterRelPath);
}

/** Copies videos into a folder the user chose, never overwriting what is there. */
export async function exportVideos(library: LibraryStore, ids: string[], folder: string): Promise<number> {
  await mkdir(folder, { recursive: true });
  let copied = 0;
  for (const id of ids) {
    const record = library.getGeneration(id);
    if (!record?.video) continue;
    const source = absolutePath(library.root, record.video.relPath);
    const name = basename(record.video.relPath, '.mp4');
    for (let attempt = 0; attempt < 100; attempt++) {
      const target = join(folder, attempt === 0 ? `${name}.mp4` : `${name} (${attempt}).mp4`);
      try {
        await copyFile(source, target, constants.COPYFILE_EXCL);
        copied++;
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
  return copied;
}

/** A file dropped in a browser arrives as bytes: stage it in the library, import, clean up. */
export async function importBytes(library: LibraryStore, name: string, bytes: Uint8Array) {
  if (bytes.length === 0 || bytes.length > MAX_IMPORT_BYTES) {
    return {
      imported: 0,
      skipped: [{ name, reason: bytes.length === 0 ? 'The file is empty.' : 'The file is too large.' }],
    };
  }
  const staging = join(library.root, IMPORT_STAGING_FOLDER);
  await mkdir(staging, { recursive: true });
  const temp = join(
    staging,
    `${randomBytes(8).toString('hex')}${extname(name).toLowerCase() === '.mp4' ? '.mp4' : ''}`,
  );
  await writeFile(temp, bytes);
  try {
    const result = await importVideos(library, [temp]);
    return {
      imported: result.imported.length,
      skipped: result.skipped.map((skip) => ({ name, reason: skip.reason })),
    };
  } finally {
    await rm(temp, { force: true });
  }
}

export async function importPaths(library: LibraryStore, paths: string[]) {
  const result = await importVideos(library, paths);
  return {
    imported: result.imported.length,
    skipped: result.skipped.map((skip) => ({ name: basename(skip.path), reason: skip.reason })),
  };
}
