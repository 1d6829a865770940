// The account balance, fetched on demand and announced to the UI. Errors are kept as a readable
// message next to the last known value instead of being thrown at the settings screen. Finished
// jobs and window focus ask for a fresh value often; `refreshSoon` turns a burst of such asks into
// at most one request per `minIntervalMs`, with one trailing request so the last change is seen.
import type { Balance } from '../../shared/contract/contract';
import type { EventHub } from '../../shared/contract/event-hub';
import type { ApixoClient } from '../core/apixo/client';
import type { Clock } from '../core/clock';
import { isStudioError } from '../core/errors';

/** Where readings go (the library's balance snapshots) and the low-balance threshold. */
export interface BalanceWatch {
  lowThresholdUsd(): number | null;
  record(snapshot: { at: number; usd: number; backend: 'demo' | 'apixo' }): void;
}

/** APIXO's balance endpoint shares the account's rate limit with submits and polls. */
export const BALANCE_MIN_INTERVAL_MS = 10_000;

export class BalanceTracker {
  private last: Balance = { usd: null, fetchedAt: null, demo: true, error: null };
  private inFlight: Promise<Balance> | null = null;
  private trailing: { cancel(): void } | null = null;
  private closed = false;

  /** Below the low-balance threshold at the last reading: the alert fires once per crossing. */
  private below = false;

  constructor(
    private readonly source: () => Promise<{ client: ApixoClient; backend: 'demo' | 'apixo' }>,
    private readonly clock: Clock,
    private readonly hub: EventHub,
    private readonly watch: BalanceWatch = { lowThresholdUsd: () => null, record: () => {} },
    private readonly minIntervalMs = BALANCE_MIN_INTERVAL_MS,
  ) {}

  async current(): Promise<Balance> {
    return this.last.fetchedAt === null ? this.refresh() : this.last;
  }

  refresh(): Promise<Balance> {
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private crossing(usd: number): { thresholdUsd: number } | null {
    const threshold = this.watch.lowThresholdUsd();
    const wasBelow = this.below;
    this.below = threshold !== null && usd < threshold;
    return this.below && !wasBelow && threshold !== null ? { thresholdUsd: threshold } : null;
  }

  /**
   * A fresh value when the last one is older than the interval; otherwise the last value now and
   * one more fetch when the interval has passed (shared by every ask in between).
   */
  refreshSoon(): Promise<Balance> {
    if (this.closed) return Promise.resolve(this.last);
    const age =
      this.last.fetchedAt === null ? Number.POSITIVE_INFINITY : this.clock.now() - this.last.fetchedAt;
    if (age >= this.minIntervalMs) return this.refresh();
    this.trailing ??= this.clock.setTimeout(() => {
      this.trailing = null;
      if (!this.closed) void this.refresh();
    }, this.minIntervalMs - age);
    return Promise.resolve(this.last);
  }

  close(): void {
    this.closed = true;
    this.trailing?.cancel();
    this.trailing = null;
  }

  private async fetch(): Promise<Balance> {
    const { client, backend } = await this.source();
    try {
      const usd = await client.balance();
      const fetchedAt = this.clock.now();
      this.last = { usd, fetchedAt, demo: backend === 'demo', error: null, lowAlert: this.crossing(usd) };
      this.watch.record({ at: fetchedAt, usd, backend });
    } catch (error) {
      this.last = {
        usd: null,
        fetchedAt: this.clock.now(),
        demo: backend === 'demo',
        error: isStudioError(error) ? error.userMessage : 'Could not read the balance.',
      };
    }
    this.hub.emit('balance.updated', this.last);
    return this.last;
  }
}
