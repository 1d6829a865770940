// When to ask APIXO about a task. The docs suggest "wait 50 seconds, then poll every 5 seconds";
// we do better by learning from this library's own history: looks are packed into the window where
// recent tasks with the same settings finished (about four looks across it, never sparser than the
// documented 5 s), the first one a single interval after the fastest of them, and a gentle backoff
// once a task runs longer than nearly anything seen before. bench/polling.ts measures the result
// against the documented strategy: fewer status requests, and a finished task is noticed sooner.
import type { Duration, Resolution } from '../../../shared/domain/params';

/** Documented generation times (Wan 2.5 page, "Tips"). */
export const DOCUMENTED_RANGE_MS = {
  '720p': [50_000, 70_000],
  '1080p': [70_000, 90_000],
} as const satisfies Readonly<Record<string, readonly [number, number]>>;

/** Every resolution's expected range: 480p (wan-2-5-video) is undocumented, assumed faster than 720p. */
export const EXPECTED_RANGE_MS: Readonly<Record<Resolution, readonly [number, number]>> = {
  '480p': [30_000, 50_000],
  ...DOCUMENTED_RANGE_MS,
};

export const SHORT_INTERVAL_MS = 5_000;
const MAX_INTERVAL_MS = 30_000;
/** Below this many samples the history is too thin to trust. */
const MIN_SAMPLES = 5;
/** Status queries spread across the window where recent tasks finished. */
const LOOKS_PER_WINDOW = 4;

export interface PollPlan {
  /** Delay from submit to the first status query. */
  firstCheckMs: number;
  /** Typical duration, shown to the user as "expected". */
  expectedMs: number;
  /** After this long without an end the job becomes `stalled` (the user can check again). */
  stallAfterMs: number;
  /** Delay before the next query, given the time since submit. */
  nextIntervalMs(elapsedMs: number): number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = sorted[low] ?? 0;
  const highValue = sorted[high] ?? lowValue;
  return lowValue + (highValue - lowValue) * (position - low);
}

/**
 * `timeScale` shrinks every documented figure and bound for a backend whose tasks run faster than
 * APIXO's (the demo simulator); the history already comes in that backend's time.
 */
export function planPolling(
  resolution: Resolution,
  _duration: Duration,
  historyMs: readonly number[],
  timeScale = 1,
): PollPlan {
  const [documentedLow, documentedHigh] = EXPECTED_RANGE_MS[resolution];
  const docLow = documentedLow * timeScale;
  const docHigh = documentedHigh * timeScale;
  const SHORT = SHORT_INTERVAL_MS * timeScale;
  const MAX = MAX_INTERVAL_MS * timeScale;
  const samples = historyMs.filter((ms) => Number.isFinite(ms) && ms > 0).sort((a, b) => a - b);
  const learned = samples.length >= MIN_SAMPLES;
  const low = learned ? quantile(samples, 0.05) : docLow;
  const typical = learned ? quantile(samples, 0.5) : (docLow + docHigh) / 2;
  const high = learned ? quantile(samples, 0.95) : docHigh;
  // A quarter of the window where tasks finish, capped at the documented interval: a finished task
  // is noticed within one interval, which is never longer than under the documented strategy.
  const spread = Math.max(high - low, 0);
  const activeInterval = learned ? Math.min(SHORT, Math.max(SHORT / 5, spread / LOOKS_PER_WINDOW)) : SHORT;
  // Looking before the fastest recent task had finished would only cost a request; one interval
  // after it, the fastest ones are seen as promptly as every other.
  const firstCheck = learned ? low + activeInterval : docLow;
  // Whole milliseconds: these become stored timestamps.
  return {
    firstCheckMs: Math.round(Math.max(1_000 * timeScale, firstCheck)),
    expectedMs: Math.round(typical),
    stallAfterMs: Math.round(Math.max(10 * 60_000 * timeScale, high * 4)),
    nextIntervalMs(elapsedMs) {
      if (elapsedMs <= high) return Math.round(activeInterval);
      // Past anything seen: back off gently (×1.5 per 10 s overdue), never beyond 30 s.
      const overdue = elapsedMs - high;
      return Math.round(Math.min(MAX, activeInterval * 1.5 ** Math.ceil(overdue / (10_000 * timeScale))));
    },
  };
}
