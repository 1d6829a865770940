// Where reference images live in the library: `references/<first two hex digits>/<sha256>.<ext>`.
// Named by content, so the same image dropped twice is one file, and a path tells its id.
// Process-agnostic (the renderer derives an image's id from a record's path for remix).
import type { ImageFormat } from './image-formats';

export const REFERENCES_DIR = 'references';

const EXTENSIONS: Record<ImageFormat, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  bmp: 'bmp',
  tiff: 'tiff',
  heic: 'heic',
  avif: 'avif',
  pdf: 'pdf',
  unknown: 'bin',
};

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export function referenceRelPath(sha256: string, format: ImageFormat): string {
  return `${REFERENCES_DIR}/${sha256.slice(0, 2)}/${sha256}.${EXTENSIONS[format]}`;
}

/** Reference audio lives beside the images, named the same way (`references/ab/<sha256>.mp3`). */
export function referenceAudioRelPath(sha256: string, format: 'wav' | 'mp3'): string {
  return `${REFERENCES_DIR}/${sha256.slice(0, 2)}/${sha256}.${format}`;
}

/** The image id inside a reference path, or null when the path is not one of ours. */
export function sha256FromReferencePath(relPath: string | null | undefined): string | null {
  const match = /^references\/[0-9a-f]{2}\/([0-9a-f]{64})\.[a-z0-9]+$/.exec(relPath ?? '');
  return match?.[1] ?? null;
}
