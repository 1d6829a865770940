// APIXO's "10000 requests / minute" as a sliding window per key. Refused requests do not count,
// so a client that backs off regains its budget exactly when old requests age out.
export type Admission = { ok: true; inWindow: number } | { ok: false; retryAfterMs: number };

export class SlidingWindowLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  admit(key: string, now: number): Admission {
    let window = this.windows.get(key);
    if (!window) {
      window = [];
      this.windows.set(key, window);
    }
    const firstLive = firstAfter(window, now - this.windowMs);
    if (firstLive > 0) window.splice(0, firstLive);
    if (window.length >= this.limit) {
      const oldest = window[0] ?? now;
      return { ok: false, retryAfterMs: Math.max(0, oldest + this.windowMs - now) };
    }
    window.push(now);
    return { ok: true, inWindow: window.length };
  }
}

/** Index of the first timestamp strictly after `cutoff` (the array is sorted ascending). */
function firstAfter(sorted: number[], cutoff: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? 0) <= cutoff) low = mid + 1;
    else high = mid;
  }
  return low;
}
