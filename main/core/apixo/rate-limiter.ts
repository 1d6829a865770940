// One token bucket in front of every APIXO request. The documented budget is 10 000 requests per
// minute per key; we default well under it. A 429 slows the whole client down (not just the
// request that got it): everyone waits out Retry-After (or an exponential backoff with jitter),
// and the rate is halved, then recovers slowly as requests succeed.
import type { Clock } from '../clock';

export interface RateLimiterOptions {
  clock: Clock;
  /** Requests per minute when nothing has gone wrong. */
  requestsPerMinute?: number;
  /** How many requests may go out back to back. */
  burst?: number;
  random?: () => number;
}

export interface RateLimiterStats {
  granted: number;
  throttled: number;
  currentPerMinute: number;
  pausedUntil: number;
}

export class RateLimiter {
  private readonly clock: Clock;
  private readonly maxPerMinute: number;
  private readonly burst: number;
  private readonly random: () => number;
  private perMinute: number;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private consecutive429 = 0;
  private granted = 0;
  private throttled = 0;
  /** FIFO of waiters so a burst of pollers cannot starve a submit. */
  private chain: Promise<void> = Promise.resolve();

  constructor(options: RateLimiterOptions) {
    this.clock = options.clock;
    this.maxPerMinute = options.requestsPerMinute ?? 6000;
    this.burst = options.burst ?? 20;
    this.random = options.random ?? Math.random;
    this.perMinute = this.maxPerMinute;
    this.tokens = this.burst;
    this.refilledAt = this.clock.now();
  }

  /** Waits for a slot. Calls are served in order. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.chain.then(() => this.waitForToken(signal));
    // A cancelled waiter must not block the ones behind it.
    this.chain = turn.catch(() => {});
    return turn;
  }

  /** A 429 arrived: pause everyone and halve the rate. */
  onRateLimited(retryAfterMs?: number): number {
    this.throttled++;
    this.consecutive429++;
    const backoff =
      retryAfterMs !== undefined && retryAfterMs >= 0
        ? retryAfterMs
        : Math.min(60_000, 1000 * 2 ** (this.consecutive429 - 1)) * (0.5 + this.random() * 0.5);
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + backoff);
    this.perMinute = Math.max(60, this.perMinute / 2);
    this.tokens = 0;
    return backoff;
  }

  /** A request got a non-429 answer: recover the rate gradually. */
  onSuccess(): void {
    this.consecutive429 = 0;
    if (this.perMinute < this.maxPerMinute) {
      this.perMinute = Math.min(this.maxPerMinute, this.perMinute * 1.02 + 1);
    }
  }

  stats(): RateLimiterStats {
    return {
      granted: this.granted,
      throttled: this.throttled,
      currentPerMinute: this.perMinute,
      pausedUntil: this.pausedUntil,
    };
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = now - this.refilledAt;
    if (elapsed > 0) {
      this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perMinute) / 60_000);
      this.refilledAt = now;
    }
  }

  private async waitForToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now, signal);
        this.refilledAt = Math.max(this.refilledAt, this.pausedUntil);
        continue;
      }
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        this.granted++;
        return;
      }
      const waitMs = Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute);
      await this.clock.sleep(Math.max(1, waitMs), signal);
    }
  }
}
