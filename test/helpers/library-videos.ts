// Finished generations with a real, playable MP4 in the library (a copy of the test clip), for
// specs about what the user does with videos rather than how they were made.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { absolutePath } from '../../main/core/library/paths';
import type { LibraryStore } from '../../main/core/library/types';

export const CLIP = join(import.meta.dirname, '..', 'fixtures', 'media', 'clip-faststart.mp4');
export const CLIP_BYTES = 4153;

export function addFinishedVideo(
  library: LibraryStore,
  prompt: string,
  options: {
    projectId?: string | null;
    file?: string;
    width?: number;
    height?: number;
    durationMs?: number;
  } = {},
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
  copyFileSync(options.file ?? CLIP, absolutePath(library.root, relPath));
  library.addVideo(record.id, {
    relPath,
    bytes: options.file ? statSync(options.file).size : CLIP_BYTES,
    sha256: createHash('sha256').update(record.id).digest('hex'),
    width: options.width ?? 64,
    height: options.height ?? 36,
    durationMs: options.durationMs ?? 1000,
    posterRelPath: null,
  });
  return record.id;
}
