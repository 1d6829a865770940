import { describe, expect, it } from 'vitest';
import { isBlankFrame } from '../../renderer/lib/blank-frame';

function frame(pixels: number, colour: (i: number) => [number, number, number]): Uint8ClampedArray {
  const data = new Uint8ClampedArray(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    const [r, g, b] = colour(i);
    data.set([r, g, b, 255], i * 4);
  }
  return data;
}

describe('isBlankFrame', () => {
  it('calls a black frame, a flat grey one and a faint-noise black one blank', () => {
    expect(isBlankFrame(frame(400, () => [0, 0, 0]))).toBe(true);
    expect(isBlankFrame(frame(400, () => [128, 128, 128]))).toBe(true);
    expect(isBlankFrame(frame(400, (i) => [i % 3, i % 2, 0]))).toBe(true);
    expect(isBlankFrame(new Uint8ClampedArray(0))).toBe(true);
  });

  it('keeps a frame with a picture in it, even a dark one', () => {
    // A night scene: mostly dark, with a lit window.
    expect(isBlankFrame(frame(400, (i) => (i % 20 < 3 ? [200, 180, 90] : [8, 10, 14])))).toBe(false);
    expect(isBlankFrame(frame(400, (i) => [i % 256, (i * 3) % 256, 40]))).toBe(false);
  });
});
