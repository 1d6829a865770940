// Download progress arrives as fast as bytes do; a window needs at most ~10 updates a second per
// generation. The coalescer sends the first value at once, then at most one value per interval per
// key: whatever arrived last in that interval (older values are dropped, never queued). complete()
// sends a pending value straight away, so the final figure is not lost when a download finishes.
// Host-agnostic: the Electron window and the browser host's socket both use it.
import { type Clock, systemClock } from '../core/clock';

/** The engine's clock; only these two abilities are needed. */
export type CoalescerClock = Pick<Clock, 'now' | 'setTimeout'>;

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
  timer: { cancel(): void } | null;
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
      state.timer?.cancel();
      keys.delete(key);
      sendPending(state);
    },
    dispose() {
      for (const state of keys.values()) state.timer?.cancel();
      keys.clear();
    },
  };
}
