// A video's poster and its hover-scrub strip, made together from one opened source. Nothing blank is
// kept: the poster is the first frame of POSTER_POSITIONS that shows something, and a blank strip
// frame (a fade from black) is replaced by its nearest neighbour that is not; when every frame is
// blank there is neither, rather than a black one.
import { STRIP_FRAME_WIDTH, STRIP_FRAMES, stripTimes } from '../../../shared/domain/frames';
import { isBlankFrame, POSTER_POSITIONS } from '../blank-frame';
import { encodeCanvas, pixelsOf } from './canvas';
import { openFrames } from './frame-source';
import { type FrameCanvas, FrameError } from './types';

const POSTER_WIDTH = 640;
const JPEG_QUALITY = 0.82;

export interface Thumbnails {
  /** null when it was not asked for. */
  poster: Blob | null;
  strip: Blob;
}

export async function makeThumbnails(url: string, want: { poster: boolean }): Promise<Thumbnails> {
  const source = await openFrames(url);
  try {
    // One decoding pass over every time either needs (sorted, so each packet is decoded once).
    const stripAt = stripTimes(source.duration);
    const posterAt = want.poster ? POSTER_POSITIONS.map((position) => source.duration * position) : [];
    const times = [...new Set([...stripAt, ...posterAt])].sort((a, b) => a - b);
    const decoded = new Map<number, FrameCanvas | null>();
    let index = 0;
    for await (const frame of source.framesAt(times, Math.min(POSTER_WIDTH, source.width))) {
      const time = times[index++];
      if (time !== undefined)
        decoded.set(time, isBlankFrame(pixelsOf(frame.canvas).data) ? null : frame.canvas);
    }
    const posterFrame = posterAt.map((time) => decoded.get(time)).find((frame) => frame);
    if (want.poster && !posterFrame) throw new FrameError('blank');
    const strip = await makeStrip(stripAt.map((time) => decoded.get(time) ?? null));
    const poster = posterFrame ? await encodeCanvas(posterFrame, 'image/jpeg', JPEG_QUALITY) : null;
    return { poster, strip };
  } finally {
    source.close();
  }
}

async function makeStrip(frames: readonly (FrameCanvas | null)[]): Promise<Blob> {
  const shown = frames.map((frame, index) => frame ?? nearestShown(frames, index));
  const first = shown.find((frame) => frame);
  if (!first) throw new FrameError('blank');
  const width = Math.min(STRIP_FRAME_WIDTH, first.width);
  const height = Math.round((first.height * width) / first.width);
  const sprite = document.createElement('canvas');
  sprite.width = width * STRIP_FRAMES;
  sprite.height = height;
  const context = sprite.getContext('2d');
  if (!context) throw new FrameError('unreadable', 'no 2d context');
  for (let index = 0; index < STRIP_FRAMES; index++) {
    const frame = shown[Math.min(index, shown.length - 1)];
    if (frame) context.drawImage(frame, index * width, 0, width, height);
  }
  return encodeCanvas(sprite, 'image/jpeg', JPEG_QUALITY);
}

function nearestShown(frames: readonly (FrameCanvas | null)[], index: number): FrameCanvas | null {
  for (let distance = 1; distance < frames.length; distance++) {
    const later = frames[index + distance];
    if (later) return later;
    const earlier = frames[index - distance];
    if (earlier) return earlier;
  }
  return null;
}
