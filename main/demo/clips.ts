// The real MP4s served as results: one per aspect ratio, silent and with an audio track (for
// audio-driven wan-2-5-video tasks), read once at start (each is 25–55 kB).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ASPECT_RATIOS, type AspectRatio, type GenerationParams } from '../../shared/domain/params';
import { StudioError } from '../core/errors';

export interface Clip {
  bytes: Buffer;
  /** Strong validator derived from the bytes. */
  etag: string;
}

export interface ClipSet {
  silent: Readonly<Record<AspectRatio, Clip>>;
  withAudio: Readonly<Record<AspectRatio, Clip>>;
}

/** `clip-16x9.mp4`, or `clip-16x9-audio.mp4` for the one with a sound track. */
export function clipFile(ratio: AspectRatio, audio: boolean): string {
  return `clip-${ratio.replace(':', 'x')}${audio ? '-audio' : ''}.mp4`;
}

/** The silent clip of each aspect ratio. */
export const CLIP_FILES = Object.fromEntries(
  ASPECT_RATIOS.map((ratio) => [ratio, clipFile(ratio, false)]),
) as Readonly<Record<AspectRatio, string>>;

async function load(mediaDir: string, file: string): Promise<Clip> {
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
}

async function loadAll(mediaDir: string, audio: boolean): Promise<Record<AspectRatio, Clip>> {
  const clips = await Promise.all(ASPECT_RATIOS.map((ratio) => load(mediaDir, clipFile(ratio, audio))));
  return Object.fromEntries(ASPECT_RATIOS.map((ratio, index) => [ratio, clips[index]])) as Record<
    AspectRatio,
    Clip
  >;
}

export async function loadClips(mediaDir: string): Promise<ClipSet> {
  const [silent, withAudio] = await Promise.all([loadAll(mediaDir, false), loadAll(mediaDir, true)]);
  return { silent, withAudio };
}

/**
 * Image-to-video has no aspect_ratio (the image decides); the landscape clip stands in. A task
 * given audio gets a clip with a sound track, as the real model answers with the audio laid in.
 */
export function clipFor(clips: ClipSet, params: GenerationParams): Clip {
  const set = params.audioUrl ? clips.withAudio : clips.silent;
  return set[params.aspectRatio ?? '16:9'];
}
