// A manual Clock for tests: time stands still until the test calls advance(). Timers fire in due
// order (ties in scheduling order), each seeing now() equal to its own due time, and promise
// continuations run between timers so a chain of sleeps inside one advance() completes in it.
import type { Clock } from '../../main/core/clock';

interface PendingTimer {
  id: number;
  due: number;
  fn: () => void;
}

/** Lets already-resolved promise chains (and one turn of I/O callbacks) run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private current: number;
  private nextId = 1;
  private timers: PendingTimer[] = [];

  /** Starts at a fixed, realistic epoch (2026-01-01) so timestamps look like APIXO's. */
  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): { cancel(): void } {
    const timer: PendingTimer = { id: this.nextId++, due: this.current + safeDelay(ms), fn };
    this.timers.push(timer);
    return {
      cancel: () => {
        this.timers = this.timers.filter((t) => t !== timer);
      },
    };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        handle.cancel();
        reject(signal?.reason);
      };
      const handle = this.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way (including new ones). */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + safeDelay(ms));
  }

  async advanceTo(target: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > target) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.due);
      next.fn();
      await settle();
    }
    this.current = Math.max(this.current, target);
  }

  /** Jumps to the next timer and fires it (and any due at the same instant). False when none is left. */
  async runNext(): Promise<boolean> {
    const next = this.earliest();
    if (!next) return false;
    await this.advanceTo(next.due);
    return true;
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Due time of the earliest pending timer, if any. */
  nextTimerAt(): number | undefined {
    return this.earliest()?.due;
  }

  private earliest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of this.timers) {
      if (!best || timer.due < best.due || (timer.due === best.due && timer.id < best.id)) best = timer;
    }
    return best;
  }
}

function safeDelay(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
