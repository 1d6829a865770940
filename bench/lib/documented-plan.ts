// The strategy the APIXO docs recommend ("submit task, wait 50 seconds, then poll every 5 seconds"),
// as a planner the engine can run instead of its own: the baseline the polling benchmark beats.
import type { PollPlan, planPolling } from '../../main/core/jobs/poll-planner';
import { EXPECTED_RANGE_MS } from '../../main/core/jobs/poll-planner';

export const documentedPlanner: typeof planPolling = (resolution, _duration, _history, timeScale = 1) => {
  const [low, high] = EXPECTED_RANGE_MS[resolution];
  return {
    firstCheckMs: Math.round(50_000 * timeScale),
    expectedMs: Math.round(((low + high) / 2) * timeScale),
    stallAfterMs: Math.round(10 * 60_000 * timeScale),
    nextIntervalMs: () => Math.round(5_000 * timeScale),
  } satisfies PollPlan;
};
