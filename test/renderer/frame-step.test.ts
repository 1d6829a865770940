import { describe, expect, it } from 'vitest';
import { frameStepTarget } from '../../renderer/views/viewer/use-video-group';

describe('frameStepTarget', () => {
  it('steps whole frames at the file’s rate and lands mid-frame, so player and decoder agree', () => {
    // 25 fps: 2.5 s is frame 62 (2.48–2.52 s); one on is frame 63, shown from 2.54 s.
    expect(frameStepTarget(2.5, 1, 25, 5)).toBeCloseTo(2.54, 9);
    expect(frameStepTarget(2.54, -1, 25, 5)).toBeCloseTo(2.5, 9);
    // Exactly on a boundary counts as the frame that starts there.
    expect(frameStepTarget(0.4, 1, 10, 1)).toBeCloseTo(0.55, 9);
  });

  it('stops at the first and the last frame', () => {
    expect(frameStepTarget(0.01, -3, 24, 5)).toBeCloseTo(0.5 / 24, 9);
    expect(frameStepTarget(4.99, 5, 25, 5)).toBeCloseTo(4.98, 9);
  });
});
