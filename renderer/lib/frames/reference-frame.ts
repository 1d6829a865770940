// A frame of a library video as a reference image for image-to-video: the exact frame at a time
// ("Use this frame") or the sharpest of the clip's last half second ("Continue from last frame").
// Full size, PNG (exact); JPEG at high quality only when a PNG would pass APIXO's image limit.
import { CONTINUE_WINDOW_MS } from '../../../shared/domain/frames';
import { LIMITS } from '../../../shared/domain/param-values';
import { isBlankFrame } from '../blank-frame';
import { sharpestFrameIndex } from '../sharpness';
import { encodeCanvas, pixelsOf } from './canvas';
import { openFrames } from './frame-source';
import { type DecodedFrame, FrameError, type FrameSource } from './types';

/** Frames are compared this wide; the chosen one is then decoded at full size. */
const COMPARE_WIDTH = 320;

export interface ReferenceFrame {
  file: File;
  /** Where the frame starts in the clip, in whole milliseconds. */
  frameMs: number;
}

/** The frame showing at `time` seconds. FrameError('blank') for a black or flat frame. */
export async function frameAtTime(url: string, time: number, name: string): Promise<ReferenceFrame> {
  return withSource(url, async (source) => {
    const frame = await source.frameAt(time);
    if (isBlankFrame(pixelsOf(frame.canvas).data)) throw new FrameError('blank');
    return toReference(frame, name);
  });
}

/** The sharpest frame that is not blank among those starting in the last CONTINUE_WINDOW_MS. */
export async function sharpestLastFrame(url: string, name: string): Promise<ReferenceFrame> {
  return withSource(url, async (source) => {
    const start = Math.max(0, source.duration - CONTINUE_WINDOW_MS / 1000);
    const candidates: { time: number; pixels: ImageData }[] = [];
    for await (const frame of source.framesBetween(
      start,
      source.duration,
      Math.min(COMPARE_WIDTH, source.width),
    )) {
      const pixels = pixelsOf(frame.canvas);
      if (!isBlankFrame(pixels.data)) candidates.push({ time: frame.time, pixels });
    }
    const best = candidates[sharpestFrameIndex(candidates.map((candidate) => candidate.pixels))];
    if (!best) throw new FrameError('blank');
    return toReference(await source.frameAt(best.time), name);
  });
}

async function withSource<T>(url: string, work: (source: FrameSource) => Promise<T>): Promise<T> {
  const source = await openFrames(url);
  try {
    return await work(source);
  } finally {
    source.close();
  }
}

async function toReference(frame: DecodedFrame, name: string): Promise<ReferenceFrame> {
  let blob = await encodeCanvas(frame.canvas, 'image/png');
  let extension = 'png';
  if (blob.size > LIMITS.imageMaxBytes) {
    blob = await encodeCanvas(frame.canvas, 'image/jpeg', 0.95);
    extension = 'jpg';
  }
  const frameMs = Math.round(frame.time * 1000);
  return { file: new File([blob], `${name}-${frameMs}ms.${extension}`, { type: blob.type }), frameMs };
}
