// A video's poster and its hover-scrub strip, made together from one opened source. Nothing blank is
// kept: the poster is the first frame of POSTER_POSITIONS that shows something, and a blank strip
// frame (a fade from black) is replaced by its nearest neighbour that is not; when every frame is
// blank there is neither, rather than a black one.
import { STRIP_FRAME_WIDTH, STRIP_FRAMES, stripTimes } from '../../../shared/domain/frames';
import { isBlankFrame, POSTER_POSITIONS } from '../blank-frame';
import { encodeCanvas, pixelsOf } from './canvas';
import { openFrames } from './frame-source';
import { type FrameCanvas, FrameError, type FrameSource } from './types';

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
    const poster = want.poster ? await makePoster(source) : null;
    return { poster, strip: await makeStrip(source) };
  } finally {
    source.close();
  }
}

async function makePoster(source: FrameSource): Promise<Blob> {
  for (const position of POSTER_POSITIONS) {
    const frame = await source.frameAt(source.duration * position, Math.min(POSTER_WIDTH, source.width));
    if (!isBlankFrame(pixelsOf(frame.canvas).data))
      return encodeCanvas(frame.canvas, 'image/jpeg', JPEG_QUALITY);
  }
  throw new FrameError('blank');
}

async function makeStrip(source: FrameSource): Promise<Blob> {
  const width = Math.min(STRIP_FRAME_WIDTH, source.width);
  const frames: (FrameCanvas | null)[] = [];
  for await (const frame of source.framesAt(stripTimes(source.duration), width)) {
    frames.push(isBlankFrame(pixelsOf(frame.canvas).data) ? null : frame.canvas);
  }
  const shown = frames.map((frame, index) => frame ?? nearestShown(frames, index));
  const first = shown.find((frame) => frame);
  if (!first || shown.length === 0) throw new FrameError('blank');
  const sprite = document.createElement('canvas');
  sprite.width = first.width * STRIP_FRAMES;
  sprite.height = first.height;
  const context = sprite.getContext('2d');
  if (!context) throw new FrameError('unreadable', 'no 2d context');
  for (let index = 0; index < STRIP_FRAMES; index++) {
    // A clip shorter than the strip (fewer distinct frames) repeats its last one.
    const frame = shown[Math.min(index, shown.length - 1)];
    if (frame) context.drawImage(frame, index * first.width, 0, first.width, first.height);
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
