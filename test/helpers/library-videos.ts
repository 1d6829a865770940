// Finished generations with a real, playable MP4 in the library (a copy of the test clip), for
// specs about what the user does with videos rather than how they were made.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { absolutePath } from '../../main/core/library/paths';
import type { LibraryStore } from '../../main/core/library/types';

export const CLIP = join(import.meta.dirname, '..', 'fixtures', 'media', 'clip-faststart.mp4');
export const CLIP_BYTES = 4153;

export function addFinishedVideo(
  library: LibraryStore,
  prompt: string,
  options: { projectId?: string | null } = {},
): string {
  const record = library.createGeneration({
    params: {
      mode: 'text-to-video',
      prompt,
      resolution: '720p',
      duration: 5,
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
  copyFileSync(CLIP, absolutePath(library.root, relPath));
  library.addVideo(record.id, {
    relPath,
    bytes: CLIP_BYTES,
    sha256: createHash('sha256').update(record.id).digest('hex'),
    width: 64,
    height: 36,
    durationMs: 1000,
    posterRelPath: null,
  });
  return record.id;
}

/**
 * A finished text-to-video generation whose video is a real simulator clip, recorded with the
 * clip's own sha256 (for specs that read, export or rebuild the file).
 */
export function addClipVideo(
  library: LibraryStore,
  prompt: string,
  options: { clip: string; projectId?: string | null; seed?: number },
): string {
  const record = library.createGeneration({
    params: {
      mode: 'text-to-video',
      prompt,
      resolution: '720p',
      duration: 5,
      aspectRatio: '16:9',
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
  copyFileSync(options.clip, absolutePath(library.root, relPath));
  const bytes = readFileSync(options.clip);
  library.addVideo(record.id, {
    relPath,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width: 160,
    height: 90,
    durationMs: 5000,
    posterRelPath: null,
  });
  return record.id;
}
