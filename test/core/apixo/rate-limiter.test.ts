import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../main/core/apixo/rate-limiter';
import { FakeClock } from '../../helpers/fake-clock';

describe('rate limiter', () => {
  it('never grants more than the budget per minute (plus the burst)', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ clock, requestsPerMinute: 600, burst: 10 });
    let granted = 0;
    for (let i = 0; i < 1000; i++) void limiter.acquire().then(() => granted++);
    await clock.advance(60_000);
    expect(granted).toBeLessThanOrEqual(610);
    expect(granted).toBeGreaterThanOrEqual(590);
  });

  it('a 429 pauses everyone for Retry-After and halves the rate', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ clock, requestsPerMinute: 600, burst: 5 });
    await limiter.acquire();
    limiter.onRateLimited(10_000);
    let granted = 0;
    for (let i = 0; i < 5; i++) void limiter.acquire().then(() => granted++);
    await clock.advance(9_999);
    expect(granted).toBe(0);
    await clock.advance(2_000);
    expect(granted).toBeGreaterThan(0);
    expect(limiter.stats().currentPerMinute).toBe(300);
    expect(limiter.stats().throttled).toBe(1);
  });

  it('without Retry-After it backs off exponentially, and recovers with successes', () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ clock, random: () => 1 });
    const first = limiter.onRateLimited();
    const second = limiter.onRateLimited();
    expect(second).toBe(first * 2);
    for (let i = 0; i < 500; i++) limiter.onSuccess();
    expect(limiter.stats().currentPerMinute).toBe(6000);
  });

  it('an aborted waiter does not block the ones behind it', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ clock, requestsPerMinute: 60, burst: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal).catch(() => 'aborted');
    const next = limiter.acquire().then(() => 'granted');
    controller.abort();
    expect(await aborted).toBe('aborted');
    await clock.advance(2_000);
    expect(await next).toBe('granted');
  });
});
