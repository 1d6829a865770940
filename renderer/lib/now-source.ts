// A shared "now" for everything that shows elapsed time, countdowns or "x seconds ago": one timer
// ticks every second while anything shows such a label, and stops when nothing does. While it is
// stopped the stored time goes stale, so the first reader after a pause gets the time as it is now
// — otherwise a new row's first countdown was measured from the last tick (a "3:33" countdown for
// a job checked in 4 s).
export interface NowSource {
  subscribe(listener: () => void): () => void;
  /** Stable between ticks (React compares consecutive reads), fresh after a pause. */
  snapshot(): number;
}

export function createNowSource(
  read: () => number = Date.now,
  every: (fn: () => void, ms: number) => () => void = (fn, ms) => {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  },
  tickMs = 1000,
): NowSource {
  let now = read();
  const listeners = new Set<() => void>();
  let stop: (() => void) | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!stop) {
        now = read();
        stop = every(() => {
          now = read();
          for (const notify of listeners) notify();
        }, tickMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stop) {
          stop();
          stop = null;
        }
      };
    },
    snapshot() {
      // Only a stopped clock goes stale; a running one is at most one tick behind by design.
      if (!stop && read() - now >= tickMs) now = read();
      return now;
    },
  };
}
