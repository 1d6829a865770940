import { describe, expect, it } from 'vitest';
import { STRIP_FRAMES, stripFrameAt, stripTimes } from '../../shared/domain/frames';

describe('strip layout', () => {
  it('takes one frame from the middle of each equal slice of the clip', () => {
    const times = stripTimes(5);
    expect(times).toHaveLength(STRIP_FRAMES);
    expect(times[0]).toBeCloseTo(0.25);
    expect(times.at(-1)).toBeCloseTo(4.75);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeCloseTo(0.5);
  });

  it('maps the pointer across a card to a frame, clamped at both edges', () => {
    expect(stripFrameAt(0)).toBe(0);
    expect(stripFrameAt(-0.2)).toBe(0);
    expect(stripFrameAt(0.15)).toBe(1);
    expect(stripFrameAt(0.999)).toBe(STRIP_FRAMES - 1);
    expect(stripFrameAt(1)).toBe(STRIP_FRAMES - 1);
    expect(stripFrameAt(7)).toBe(STRIP_FRAMES - 1);
  });
});
