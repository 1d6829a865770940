// The poll plan against the documented strategy ("wait 50 s, then every 5 s"), as pure arithmetic:
// replay completion times through both schedules and count status queries and detection lag.
// bench/polling.ts measures the same thing end to end over HTTP.
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_RANGE_MS, type PollPlan, planPolling } from '../../../main/core/jobs/poll-planner';

const documented: PollPlan = {
  firstCheckMs: 50_000,
  expectedMs: 60_000,
  stallAfterMs: 600_000,
  nextIntervalMs: () => 5_000,
};

/** Status queries until one sees the task finished at `completeMs`, and how late that one was. */
function replay(plan: PollPlan, completeMs: number): { queries: number; lagMs: number } {
  let at = plan.firstCheckMs;
  let queries = 1;
  while (at < completeMs) {
    at += plan.nextIntervalMs(at);
    queries++;
  }
  return { queries, lagMs: at - completeMs };
}

/** Evenly spread completion times over [low, high] (the simulator draws uniformly there). */
function spreadOver(low: number, high: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => low + ((high - low) * (index + 0.5)) / count);
}

function averages(plan: PollPlan, completions: number[]) {
  const runs = completions.map((ms) => replay(plan, ms));
  const lags = runs.map((run) => run.lagMs).sort((a, b) => a - b);
  return {
    queries: runs.reduce((sum, run) => sum + run.queries, 0) / runs.length,
    lagP50: lags[Math.floor(lags.length / 2)] ?? Number.NaN,
    lagMax: lags[lags.length - 1] ?? Number.NaN,
  };
}

describe('planPolling', () => {
  it('without enough history follows the documented times, per resolution', () => {
    const plan = planPolling('1080p', 5, [80_000, 81_000]);
    expect(plan.firstCheckMs).toBe(DOCUMENTED_RANGE_MS['1080p'][0]);
    expect(plan.nextIntervalMs(75_000)).toBe(5_000);
    expect(plan.expectedMs).toBe(80_000);
  });

  it('looks first one interval after the fastest recent task, then never sparser than 5 s', () => {
    const history = spreadOver(50_000, 70_000, 20);
    const plan = planPolling('720p', 5, history);
    const interval = plan.nextIntervalMs(55_000);
    expect(interval).toBeLessThanOrEqual(5_000);
    expect(interval).toBeGreaterThanOrEqual(4_000); // about four looks across a 20 s window
    expect(plan.firstCheckMs).toBeGreaterThan(50_000);
    expect(plan.firstCheckMs - interval).toBeLessThanOrEqual(52_000); // the 5th percentile
  });

  it('packs looks tighter for a tight history, down to a floor', () => {
    const tight = planPolling('720p', 5, spreadOver(60_000, 61_000, 20));
    expect(tight.nextIntervalMs(60_500)).toBe(1_000);
    expect(tight.firstCheckMs).toBeGreaterThan(60_000);
  });

  it('backs off once a task runs longer than nearly everything seen, up to 30 s', () => {
    const plan = planPolling('720p', 5, spreadOver(50_000, 70_000, 20));
    const active = plan.nextIntervalMs(60_000);
    expect(plan.nextIntervalMs(85_000)).toBeGreaterThan(active);
    expect(plan.nextIntervalMs(3_600_000)).toBe(30_000);
  });

  it('scales every figure with the backend time scale', () => {
    const history = spreadOver(5_000, 7_000, 20); // a simulator 10× faster than APIXO
    const scaled = planPolling('720p', 5, history, 0.1);
    const full = planPolling(
      '720p',
      5,
      history.map((ms) => ms * 10),
    );
    expect(scaled.firstCheckMs).toBeCloseTo(full.firstCheckMs / 10, -1);
    expect(scaled.nextIntervalMs(6_000)).toBeCloseTo(full.nextIntervalMs(60_000) / 10, -1);
  });

  it.each([
    ['720p', 50_000, 70_000],
    ['1080p', 70_000, 90_000],
  ] as const)(
    '%s: learned from history, far fewer queries than documented and a smaller typical lag',
    (resolution, low, high) => {
      const plan = planPolling(resolution, 5, spreadOver(low, high, 20));
      const completions = spreadOver(low, high, 400);
      const learned = averages(plan, completions);
      const baseline = averages(documented, completions);
      expect(learned.queries / baseline.queries).toBeLessThanOrEqual(resolution === '720p' ? 0.85 : 0.5);
      expect(learned.lagP50).toBeLessThan(baseline.lagP50);
      // Inside the learned window nothing waits longer than one documented interval to be noticed.
      expect(averages(plan, spreadOver(low + 2_000, high - 2_000, 200)).lagMax).toBeLessThanOrEqual(5_000);
    },
  );

  it('over a mixed batch uses at most 0.6× the documented queries', () => {
    const ranges = Object.entries(DOCUMENTED_RANGE_MS) as [
      keyof typeof DOCUMENTED_RANGE_MS,
      readonly [number, number],
    ][];
    let learned = 0;
    let baseline = 0;
    for (const [resolution, [low, high]] of ranges) {
      const plan = planPolling(resolution, 5, spreadOver(low, high, 20));
      const completions = spreadOver(low, high, 200);
      learned += averages(plan, completions).queries;
      baseline += averages(documented, completions).queries;
    }
    expect(learned / baseline).toBeLessThanOrEqual(0.6);
  });
});
