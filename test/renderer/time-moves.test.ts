// Time moves: the shared "now" behind countdowns and "x seconds ago" is fresh for the first label
// shown after a pause (a new queue row's first countdown was measured from a stale tick), ticks
// while labels show, and "taking longer than usual" waits until a task is clearly past its
// expected time.
import { describe, expect, it } from 'vitest';
import { createNowSource } from '../../renderer/lib/now-source';
import { isLate, lateAfterMs } from '../../renderer/views/queue/timing-rules';

function manualTime() {
  let time = 1_000_000;
  let tick: (() => void) | null = null;
  return {
    read: () => time,
    every: (fn: () => void) => {
      tick = fn;
      return () => {
        tick = null;
      };
    },
    pass(ms: number) {
      time += ms;
    },
    tick() {
      tick?.();
    },
    running: () => tick !== null,
  };
}

describe('the shared now', () => {
  it('is the current time for the first label after a pause, not the last tick', () => {
    const time = manualTime();
    const source = createNowSource(time.read, time.every);
    const off = source.subscribe(() => {});
    time.pass(1000);
    time.tick();
    off();
    expect(time.running()).toBe(false);
    // Minutes with no ticking label; then a queue row appears with a check due in 4 s.
    time.pass(213_000);
    const nextCheckAt = time.read() + 4_000;
    expect(nextCheckAt - source.snapshot()).toBe(4_000);
  });

  it('ticks while someone listens and stays stable between ticks', () => {
    const time = manualTime();
    const source = createNowSource(time.read, time.every);
    let renders = 0;
    source.subscribe(() => {
      renders += 1;
    });
    const first = source.snapshot();
    time.pass(400);
    expect(source.snapshot()).toBe(first);
    time.pass(600);
    time.tick();
    expect(renders).toBe(1);
    expect(source.snapshot()).toBe(first + 1000);
  });
});

describe('taking longer than usual', () => {
  it('appears after the expected time, not at it', () => {
    expect(isLate(60_000, 60_000)).toBe(false);
    expect(isLate(60_999, 60_000)).toBe(false);
    expect(isLate(lateAfterMs(60_000) + 1, 60_000)).toBe(true);
    expect(lateAfterMs(60_000)).toBe(69_000);
    // A 10-second demo job: three seconds of grace, not 1.5.
    expect(isLate(12_000, 10_000)).toBe(false);
    expect(isLate(13_001, 10_000)).toBe(true);
  });
});
