// Frame choice for "Continue from last frame", over real decoded frames: the demo clip's last half
// second decoded by Debian's ffmpeg (the test's decoder; the app uses WebCodecs), and the same
// frames blurred by ffmpeg as a motion-smeared ending would be.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  downscaledLuma,
  laplacianVariance,
  type RgbaFrame,
  sharpestFrameIndex,
  sharpness,
} from '../../renderer/lib/sharpness';

const CLIP = join(import.meta.dirname, '..', '..', 'main', 'demo', 'media', 'clip-16x9.mp4');
const WIDTH = 480;
const HEIGHT = 270;

/** Frames of the clip from `start` seconds, as RGBA, optionally through an ffmpeg filter first. */
function decode(start: number, count: number, filter?: string): RgbaFrame[] {
  const args = ['-v', 'error', '-ss', String(start), '-i', CLIP, '-frames:v', String(count)];
  if (filter) args.push('-vf', filter);
  args.push('-f', 'rawvideo', '-pix_fmt', 'rgba', '-');
  const bytes = execFileSync('ffmpeg', args, { maxBuffer: 64 << 20 });
  const size = WIDTH * HEIGHT * 4;
  return Array.from({ length: bytes.length / size }, (_, index) => ({
    data: new Uint8Array(bytes.subarray(index * size, (index + 1) * size)),
    width: WIDTH,
    height: HEIGHT,
  }));
}

describe('sharpness over real frames', () => {
  const lastHalfSecond = decode(4.5, 12);

  it('decodes the clip’s last half second (12 frames at 25 fps)', () => {
    expect(lastHalfSecond).toHaveLength(12);
  });

  it('scores a frame above the same frame blurred, and more blur lower still', () => {
    const [sharp] = decode(4.8, 1);
    const [soft] = decode(4.8, 1, 'boxblur=2:1');
    const [softer] = decode(4.8, 1, 'boxblur=5:2');
    if (!sharp || !soft || !softer) throw new Error('no frames decoded');
    expect(sharpness(sharp)).toBeGreaterThan(sharpness(soft) * 1.2);
    expect(sharpness(soft)).toBeGreaterThan(sharpness(softer));
  });

  it('picks the one sharp frame among motion-smeared ones, wherever it sits', () => {
    const smeared = decode(4.5, 12, 'boxblur=3:1');
    for (const position of [0, 5, 11]) {
      const frames = smeared.map((frame, index) =>
        index === position ? (lastHalfSecond[index] as RgbaFrame) : frame,
      );
      expect(sharpestFrameIndex(frames)).toBe(position);
    }
  });

  it('continues from the very last frame when every frame is as sharp (a still ending)', () => {
    const still = Array.from({ length: 6 }, () => lastHalfSecond[3] as RgbaFrame);
    expect(sharpestFrameIndex(still)).toBe(5);
    expect(sharpestFrameIndex([])).toBe(-1);
  });

  it('measures on a small copy: the luma plane is at most 160 wide, and a flat frame has no edges', () => {
    const plane = downscaledLuma(lastHalfSecond[0] as RgbaFrame);
    expect(plane.width).toBeLessThanOrEqual(160);
    expect(plane.height).toBe(Math.floor(HEIGHT / Math.ceil(WIDTH / 160)));
    const flat = { data: new Uint8Array(64 * 36 * 4).fill(90), width: 64, height: 36 };
    expect(laplacianVariance(downscaledLuma(flat))).toBe(0);
  });
});
