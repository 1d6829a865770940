// The real MP4s served as results: one per aspect ratio, read once at start (each is ~30 kB).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AspectRatio, GenerationParams } from '../../shared/domain/params';
import { StudioError } from '../core/errors';

export interface Clip {
  bytes: Buffer;
  /** Strong validator derived from the bytes. */
  etag: string;
}

export type ClipSet = Readonly<Record<AspectRatio, Clip>>;

export const CLIP_FILES: Readonly<Record<AspectRatio, string>> = {
  '16:9': 'clip-16x9.mp4',
  '9:16': 'clip-9x16.mp4',
  '1:1': 'clip-1x1.mp4',
};

export async function loadClips(mediaDir: string): Promise<ClipSet> {
  const load = async (file: string): Promise<Clip> => {
    const path = join(mediaDir, file);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new StudioError({
        kind: 'storage',
        userMessage: `The demo video ${path} is missing; the simulator cannot serve results without it.`,
        detail: String(error),
        cause: error,
      });
    }
    return { bytes, etag: `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"` };
  };
  const [wide, tall, square] = await Promise.all([
    load(CLIP_FILES['16:9']),
    load(CLIP_FILES['9:16']),
    load(CLIP_FILES['1:1']),
  ]);
  return { '16:9': wide, '9:16': tall, '1:1': square };
}

/** Image-to-video has no aspect_ratio (the image decides); the landscape clip stands in. */
export function clipFor(clips: ClipSet, params: GenerationParams): Clip {
  return clips[params.aspectRatio ?? '16:9'];
}
