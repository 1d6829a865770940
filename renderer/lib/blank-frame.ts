// Is a captured frame worth keeping as a poster? A fade-in's first frames are pure black, and a
// video the browser could not decode draws as one flat colour: either would be saved as a poster
// that shows nothing. A frame whose pixels barely vary is blank, whatever its colour.

/** Below this spread of luma (0–255) a frame is one flat colour to the eye. */
const MIN_LUMA_SPREAD = 6;

/** `rgba`: canvas ImageData bytes (4 per pixel). */
export function isBlankFrame(rgba: Uint8ClampedArray | Uint8Array): boolean {
  const pixels = Math.floor(rgba.length / 4);
  if (pixels === 0) return true;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < pixels * 4; i += 4) {
    const luma = 0.2126 * (rgba[i] ?? 0) + 0.7152 * (rgba[i + 1] ?? 0) + 0.0722 * (rgba[i + 2] ?? 0);
    sum += luma;
    sumSquares += luma * luma;
  }
  const mean = sum / pixels;
  const spread = Math.sqrt(Math.max(0, sumSquares / pixels - mean * mean));
  return spread < MIN_LUMA_SPREAD;
}

/** Where to look for a frame, as fractions of the duration: early first, later when those are blank. */
export const POSTER_POSITIONS = [0.2, 0.5, 0.8, 0.05] as const;
