// Finished generations with a real, playable MP4 in the library (a copy of the test clip), for
// specs about what the user does with videos rather than how they were made.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { absolutePath } from '../../main/core/library/paths';
import type { LibraryStore } from '../../main/core/library/types';

export const CLIP = join(import.meta.dirname, '..', 'fixtures', 'media', 'clip-faststart.mp4');
export const CLIP_BYTES = 4153;

interface VideoOptions {
  projectId?: string | null;
  seed?: number;
}

/** A finished demo generation with `file` copied in as its video. */
function addWithFile(
  library: LibraryStore,
  prompt: string,
  options: VideoOptions,
  file: {
    path: string;
    sha256(id: string): string;
    bytes: number;
    width: number;
    height: number;
    durationMs: number;
  },
): string {
  const record = library.createGeneration({
    params: {
      mode: 'text-to-video',
      prompt,
      resolution: '720p',
      duration: 5,
      seed: options.seed,
      promptExpansion: false,
      provider: 'auto',
    },
    projectId: options.projectId ?? null,
    requestType: 'async',
    estimatedCostUsd: 0.3,
    state: 'done',
    backend: 'demo',
  });
  const relPath = `videos/${record.id}.mp4`;
  mkdirSync(join(library.root, 'videos'), { recursive: true });
  copyFileSync(file.path, absolutePath(library.root, relPath));
  library.addVideo(record.id, {
    relPath,
    bytes: file.bytes,
    sha256: file.sha256(record.id),
    width: file.width,
    height: file.height,
    durationMs: file.durationMs,
    posterRelPath: null,
  });
  return record.id;
}

/**
 * The small test clip (or `file`, with the facts given), recorded under a sha256 made from the id
 * (each row unique for duplicate checks).
 */
export function addFinishedVideo(
  library: LibraryStore,
  prompt: string,
  options: VideoOptions & { file?: string; width?: number; height?: number; durationMs?: number } = {},
): string {
  return addWithFile(library, prompt, options, {
    path: options.file ?? CLIP,
    sha256: (id) => createHash('sha256').update(id).digest('hex'),
    bytes: options.file ? statSync(options.file).size : CLIP_BYTES,
    width: options.width ?? 64,
    height: options.height ?? 36,
    durationMs: options.durationMs ?? 1000,
  });
}

/**
 * A simulator clip recorded with its own sha256 (for specs that read, export or rebuild the file).
 */
export function addClipVideo(
  library: LibraryStore,
  prompt: string,
  options: VideoOptions & { clip: string },
): string {
  const bytes = readFileSync(options.clip);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return addWithFile(library, prompt, options, {
    path: options.clip,
    sha256: () => sha256,
    bytes: bytes.length,
    width: 160,
    height: 90,
    durationMs: 5000,
  });
}
