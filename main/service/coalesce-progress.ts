// Download progress arrives as fast as bytes do; a window needs at most ~10 updates a second per
// generation. The coalescer sends the first value at once, then at most one value per interval per
// key: whatever arrived last in that interval (older values are dropped, never queued). complete()
// sends a pending value straight away, so the final figure is not lost when a download finishes.
// Host-agnostic: the Electron window and the browser host's socket both use it.

export interface CoalescerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// Looked up at call time so test fake timers (which replace the globals) are honoured.
const systemClock: CoalescerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const DEFAULT_PROGRESS_INTERVAL_MS = 100;

export interface ProgressCoalescer<T> {
  push(key: string, value: T): void;
  /** Sends the key's pending value now (if any) and forgets the key. */
  complete(key: string): void;
  /** Drops everything without sending (the window or socket went away). */
  dispose(): void;
}

interface KeyState<T> {
  lastSentAt: number;
  pending: { value: T } | null;
  timer: unknown;
}

export function createProgressCoalescer<T>(
  send: (value: T) => void,
  options: { intervalMs?: number; clock?: CoalescerClock } = {},
): ProgressCoalescer<T> {
  const intervalMs = options.intervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
  const clock = options.clock ?? systemClock;
  const keys = new Map<string, KeyState<T>>();

  const sendPending = (state: KeyState<T>) => {
    if (!state.pending) return;
    const { value } = state.pending;
    state.pending = null;
    state.lastSentAt = clock.now();
    send(value);
  };

  return {
    push(key, value) {
      let state = keys.get(key);
      if (!state) {
        state = { lastSentAt: Number.NEGATIVE_INFINITY, pending: null, timer: null };
        keys.set(key, state);
      }
      const now = clock.now();
      if (state.timer === null && now - state.lastSentAt >= intervalMs) {
        state.lastSentAt = now;
        send(value);
        return;
      }
      state.pending = { value };
      if (state.timer === null) {
        const current = state;
        current.timer = clock.setTimeout(
          () => {
            current.timer = null;
            sendPending(current);
          },
          state.lastSentAt + intervalMs - now,
        );
      }
    },
    complete(key) {
      const state = keys.get(key);
      if (!state) return;
      if (state.timer !== null) clock.clearTimeout(state.timer);
      keys.delete(key);
      sendPending(state);
    },
    dispose() {
      for (const state of keys.values()) if (state.timer !== null) clock.clearTimeout(state.timer);
      keys.clear();
    },
  };
}
