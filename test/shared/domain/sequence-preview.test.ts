// The preview starts a continuation one frame in, like the export: its first frame repeats the
// previous shot's last, and showing it twice is the stutter users see at a continuation's cut.
import { describe, expect, it } from 'vitest';
import {
  continuationCutMs,
  previewClipMs,
  type TimelinePart,
  WAN_FPS,
} from '../../../shared/domain/sequences';

const part = (over: Partial<TimelinePart> = {}): TimelinePart => ({
  index: 1,
  generationId: 'g',
  startMs: 5000,
  inMs: 0,
  outMs: 5000,
  continuesPrevious: true,
  ...over,
});

describe('previewClipMs', () => {
  it('leaves an ordinary part where its trim says', () => {
    expect(previewClipMs(part({ continuesPrevious: false }), 0, 24)).toBe(0);
    expect(previewClipMs(part({ continuesPrevious: false, inMs: 700 }), 300, 24)).toBe(1000);
  });

  it('starts a continuation in its second frame, at the file rate or at Wan 24 fps when unknown', () => {
    expect(previewClipMs(part(), 0, 30)).toBeCloseTo(1000 / 30 + 1, 6);
    expect(previewClipMs(part(), 0, null)).toBeCloseTo(1000 / WAN_FPS + 1, 6);
    // A 16 fps file: 41.7 ms would still be its first frame (0–62.5 ms).
    expect(previewClipMs(part(), 0, 16)).toBeCloseTo(62.5 + 1, 6);
  });

  it('skips the repeated frame while the in point is on it, and nothing once the trim cut it', () => {
    // In at 20 ms of a 24 fps clip: still frame 0 (0–41.7 ms), the repeat.
    expect(previewClipMs(part({ inMs: 20 }), 0, 24)).toBeCloseTo(1000 / 24 + 1, 6);
    // In at 1 000 ms: frame 24, a new frame; the user's trim is kept to the millisecond.
    expect(previewClipMs(part({ inMs: 1000 }), 0, 24)).toBe(1000);
  });

  it('does not hold back a seek past the first frame, and never passes the out point', () => {
    expect(previewClipMs(part(), 2000, 24)).toBe(2000);
    expect(previewClipMs(part({ outMs: 30 }), 0, 24)).toBe(30);
  });
});

describe('continuationCutMs', () => {
  it('ends the parent after the frame the continuation starts from, before the next one', () => {
    // 24 fps: frame 100 starts at 4 166.67 ms (stored as 4 167), frame 101 at 4 208.33.
    const cut = continuationCutMs(4167, 24);
    expect(cut).toBeGreaterThan(4166.67);
    expect(cut).toBeLessThan(4208.33);
    // 30 fps and the fallback rate.
    expect(continuationCutMs(4000, 30)).toBe(4032);
    expect(continuationCutMs(4000, null)).toBe(4041);
  });
});
