// Comparing a frame the app took with the frames of a video, for tests: Debian's ffmpeg decodes the
// video (the app itself never needs it), sharp decodes the image, and both are box-averaged to the
// same small size so decoder and scaler differences wash out.
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';

export interface SmallFrame {
  rgb: Float32Array;
  width: number;
  height: number;
}

/** Box-averages RGB bytes `width`×`height` down by `factor` (which must divide both). */
export function boxDown(rgb: Uint8Array, width: number, height: number, factor: number): SmallFrame {
  const w = Math.floor(width / factor);
  const h = Math.floor(height / factor);
  const out = new Float32Array(w * h * 3);
  for (let y = 0; y < h * factor; y++) {
    for (let x = 0; x < w * factor; x++) {
      const from = (y * width + x) * 3;
      const to = (Math.floor(y / factor) * w + Math.floor(x / factor)) * 3;
      for (let c = 0; c < 3; c++) out[to + c] = (out[to + c] ?? 0) + (rgb[from + c] ?? 0) / (factor * factor);
    }
  }
  return { rgb: out, width: w, height: h };
}

/** Every frame of the video at `path`, full size (`width`×`height`), box-averaged by `factor`. */
export function videoFrames(path: string, width: number, height: number, factor: number): SmallFrame[] {
  const bytes = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    {
      maxBuffer: 512 << 20,
    },
  );
  const size = width * height * 3;
  return Array.from({ length: Math.floor(bytes.length / size) }, (_, index) =>
    boxDown(new Uint8Array(bytes.subarray(index * size, (index + 1) * size)), width, height, factor),
  );
}

/** An image file (PNG or JPEG), box-averaged by `factor`. */
export async function imageFrame(bytes: Uint8Array, factor: number): Promise<SmallFrame> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return boxDown(new Uint8Array(data), info.width, info.height, factor);
}

/** Mean absolute difference per channel (0–255). */
export function meanAbsDiff(a: SmallFrame, b: SmallFrame): number {
  let sum = 0;
  for (let i = 0; i < a.rgb.length; i++) sum += Math.abs((a.rgb[i] ?? 0) - (b.rgb[i] ?? 0));
  return sum / a.rgb.length;
}

/** Index of the frame closest to `image`, and how close. */
export function closestFrame(
  frames: readonly SmallFrame[],
  image: SmallFrame,
): { index: number; diff: number } {
  let best = { index: -1, diff: Number.POSITIVE_INFINITY };
  frames.forEach((frame, index) => {
    const diff = meanAbsDiff(frame, image);
    if (diff < best.diff) best = { index, diff };
  });
  return best;
}
