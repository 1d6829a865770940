// Which frame of a clip's end to continue from. A continuation's first frame is the last one the
// viewer saw, so it should be a clean one: the last frames of a generated clip are often smeared by
// motion blur or a compression hiccup. Sharpness is the variance of the Laplacian of the luma plane
// (a blurred frame has weak second derivatives everywhere), measured on a small copy so every frame
// costs the same whatever the clip's size. Pure: RGBA bytes in, numbers out.

/** Frames are measured at most this wide; detail finer than this is noise for our purpose. */
export const SHARPNESS_WIDTH = 160;

export interface RgbaFrame {
  /** RGBA bytes, 4 per pixel, row by row (canvas ImageData layout). */
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/** Luma (BT.709) of `frame`, box-averaged down to at most `maxWidth` wide. */
export function downscaledLuma(frame: RgbaFrame, maxWidth = SHARPNESS_WIDTH): LumaPlane {
  const factor = Math.max(1, Math.ceil(frame.width / maxWidth));
  const width = Math.max(1, Math.floor(frame.width / factor));
  const height = Math.max(1, Math.floor(frame.height / factor));
  const plane = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * frame.width;
        for (let dx = 0; dx < factor; dx++) {
          const i = (row + x * factor + dx) * 4;
          sum +=
            0.2126 * (frame.data[i] ?? 0) +
            0.7152 * (frame.data[i + 1] ?? 0) +
            0.0722 * (frame.data[i + 2] ?? 0);
        }
      }
      plane[y * width + x] = sum / (factor * factor);
    }
  }
  return { values: plane, width, height };
}

export interface LumaPlane {
  values: Float32Array;
  width: number;
  height: number;
}

/** Variance of the 4-neighbour Laplacian over the inner pixels (0 for a plane too small to have any). */
export function laplacianVariance(plane: LumaPlane): number {
  const { values, width, height } = plane;
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const laplacian =
        (values[i - 1] ?? 0) +
        (values[i + 1] ?? 0) +
        (values[i - width] ?? 0) +
        (values[i + width] ?? 0) -
        4 * (values[i] ?? 0);
      sum += laplacian;
      sumSquares += laplacian * laplacian;
      count++;
    }
  }
  const mean = sum / count;
  return sumSquares / count - mean * mean;
}

/** How sharp a frame is: higher is sharper; comparable between frames of one clip. */
export function sharpness(frame: RgbaFrame): number {
  return laplacianVariance(downscaledLuma(frame));
}

/**
 * The index of the sharpest frame. Ties (within 2 %) go to the later frame, which is closer to
 * where the clip ends, so a still clip continues from its very last frame. -1 when there is none.
 */
export function sharpestFrameIndex(frames: readonly RgbaFrame[]): number {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  frames.forEach((frame, index) => {
    const score = sharpness(frame);
    if (best === -1 || score >= bestScore * 0.98) {
      if (score > bestScore) bestScore = score;
      best = index;
    }
  });
  return best;
}
