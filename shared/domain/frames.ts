// Frames of a library video as the UI uses them: the hover-scrub strip's layout, and the frame a
// continuation starts from. Pure facts both main (which stores the strip) and the renderer (which
// makes and shows it) agree on.

/** Frames in a hover-scrub strip, side by side in one JPEG, left to right in time. */
export const STRIP_FRAMES = 10;

/** Width of each frame in the strip: sharp at card size (cards are ≤ ~320 CSS px wide, 2× screens). */
export const STRIP_FRAME_WIDTH = 256;

/** Where the strip's frames sit in the clip: the middle of each of STRIP_FRAMES equal slices. */
export function stripTimes(durationSeconds: number): number[] {
  return Array.from({ length: STRIP_FRAMES }, (_, index) => ((index + 0.5) / STRIP_FRAMES) * durationSeconds);
}

/** Which strip frame a pointer at `fraction` (0–1) across a card shows. */
export function stripFrameAt(fraction: number): number {
  const clamped = Math.min(Math.max(fraction, 0), 1);
  return Math.min(STRIP_FRAMES - 1, Math.floor(clamped * STRIP_FRAMES));
}

/** "Continue from last frame" chooses the sharpest frame of the clip's last this-many milliseconds. */
export const CONTINUE_WINDOW_MS = 500;

/** Largest strip or poster JPEG main accepts. */
export const MAX_THUMBNAIL_BYTES = 4 * 1024 * 1024;
