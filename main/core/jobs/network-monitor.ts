// Knows whether APIXO is reachable. Connection-level failures pause work with a capped, jittered
// backoff; the first success anywhere wakes every waiter at once, so a batch resumes as soon as
// the network is back instead of each job sleeping out its own backoff.
import type { Clock } from '../clock';

export interface NetworkSnapshot {
  online: boolean;
  waiting: number;
  nextRetryAt: number | null;
}

export class NetworkMonitor {
  private online = true;
  private failures = 0;
  private readonly waiters = new Set<() => void>();
  private readonly retryTimes = new Map<object, number>();
  private readonly listeners = new Set<(snapshot: NetworkSnapshot) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
  ) {}

  onChange(listener: (snapshot: NetworkSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): NetworkSnapshot {
    const times = [...this.retryTimes.values()];
    return {
      online: this.online,
      waiting: this.retryTimes.size,
      nextRetryAt: times.length ? Math.min(...times) : null,
    };
  }

  reportSuccess(): void {
    this.failures = 0;
    if (!this.online) {
      this.online = true;
      for (const wake of this.waiters) wake();
      this.notify();
    }
  }

  reportFailure(): void {
    this.failures++;
    if (this.online) {
      this.online = false;
      this.notify();
    }
  }

  /** Sleep before retrying after a connection failure; returns early when the network is back. */
  async waitToRetry(signal?: AbortSignal): Promise<void> {
    const base = Math.min(60_000, 1_000 * 2 ** Math.min(this.failures, 6));
    const delay = base * (0.5 + this.random() * 0.5);
    const token = {};
    this.retryTimes.set(token, this.clock.now() + delay);
    this.notify();
    const wakeEarly = new AbortController();
    const wake = () => wakeEarly.abort();
    this.waiters.add(wake);
    const onAbort = () => wakeEarly.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await this.clock.sleep(delay, wakeEarly.signal).catch(() => {});
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.waiters.delete(wake);
      this.retryTimes.delete(token);
      this.notify();
    }
    signal?.throwIfAborted();
  }

  private notify(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}
