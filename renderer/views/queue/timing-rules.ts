// When a running generation counts as "taking longer than usual". The expected time is a typical
// duration, not a deadline: at exactly that moment half of all tasks are still running, and the
// label used to appear while the row read "1:00 of about 1:00". It appears once the task is
// clearly past it: a grace of 15 % of the expected time, and never less than 3 seconds.
const GRACE_FRACTION = 0.15;
const MIN_GRACE_MS = 3_000;

export function lateAfterMs(expectedMs: number): number {
  return expectedMs + Math.max(MIN_GRACE_MS, expectedMs * GRACE_FRACTION);
}

export function isLate(elapsedMs: number, expectedMs: number): boolean {
  return elapsedMs > lateAfterMs(expectedMs);
}
