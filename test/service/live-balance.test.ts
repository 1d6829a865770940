// The balance is live: a finished job refreshes it without anyone asking, bursts of asks (many
// jobs finishing, window focus) become one request per interval plus one trailing request, and
// demo mode's pretend balance can be reset when it runs out — but an APIXO balance cannot.
import { afterEach, describe, expect, it } from 'vitest';
import { ApixoClient } from '../../main/core/apixo/client';
import { KeyDestination } from '../../main/core/apixo/key-destination';
import { RateLimiter } from '../../main/core/apixo/rate-limiter';
import { systemClock } from '../../main/core/clock';
import { type Simulator, startSimulator } from '../../main/demo/simulator';
import { DEMO_START_BALANCE_USD } from '../../main/service/backends';
import { BalanceTracker } from '../../main/service/balance';
import type { Balance } from '../../shared/contract/contract';
import { EventHub } from '../../shared/contract/event-hub';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { FakeClock } from '../helpers/fake-clock';

let harness: CoreHarness | null = null;
let sim: Simulator | null = null;
afterEach(async () => {
  await harness?.close();
  await sim?.close();
  harness = null;
  sim = null;
});

function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('condition never held'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

describe('the live balance', () => {
  it('announces the new demo balance after a generation finishes, unasked', async () => {
    harness = await startCoreHarness();
    const { core } = harness;
    const before = await core.api.balance.get();
    expect(before).toMatchObject({ demo: true, usd: DEMO_START_BALANCE_USD });

    const [record] = await core.api.generations.create({
      params: { mode: 'text-to-video', prompt: 'a paper boat on a rain puddle', duration: 5 },
    });
    if (!record) throw new Error('no generation created');
    await harness.waitForState(record.id, ['done']);
    const spent = DEMO_START_BALANCE_USD - 0.4;
    const events = harness.events;
    await waitFor(() =>
      events.some((event) => event.name === 'balance.updated' && (event.payload as Balance).usd === spent),
    );
    expect((await core.api.balance.get()).usd).toBe(spent);
  });

  it('turns a burst of asks into one request now and one when the interval has passed', async () => {
    sim = await startSimulator({ apiKeys: ['k-live-balance-01'], balanceUsd: 9 });
    const client = new ApixoClient({
      destination: KeyDestination.explicit(`${sim.url}/api/v1`, 'flag', false),
      getApiKey: async () => 'k-live-balance-01',
      limiter: new RateLimiter({ clock: systemClock }),
      clock: systemClock,
    });
    const clock = new FakeClock();
    const hub = new EventHub();
    const seen: Balance[] = [];
    hub.on('balance.updated', (balance) => seen.push(balance));
    const tracker = new BalanceTracker(
      async () => ({ client, backend: 'apixo' }),
      clock,
      hub,
      undefined,
      10_000,
    );

    expect((await tracker.refreshSoon()).usd).toBe(9);
    sim.setBalance(7.5);
    for (let i = 0; i < 5; i += 1) expect((await tracker.refreshSoon()).usd).toBe(9);
    expect(sim.stats.balanceQueries).toBe(1);

    await clock.advance(9_999);
    expect(sim.stats.balanceQueries).toBe(1);
    await clock.advance(1);
    await waitFor(() => seen.length === 2);
    expect(sim.stats.balanceQueries).toBe(2);
    expect(seen.at(-1)?.usd).toBe(7.5);

    // Closed (the core is shutting down): a pending trailing fetch never fires.
    await clock.advance(10_000);
    await tracker.refreshSoon();
    tracker.close();
    await clock.advance(20_000);
    expect(sim.stats.balanceQueries).toBe(3);
  });

  it('resets the pretend demo balance when it has run out, and refuses to reset a real one', async () => {
    harness = await startCoreHarness({ sim: { apiKeys: ['k-live-balance-02'] } });
    const { core } = harness;
    core.demoSimulator()?.setBalance(0.1);
    expect(await core.api.balance.get({ refresh: true })).toMatchObject({ demo: true, usd: 0.1 });
    expect(await core.api.balance.resetDemo()).toMatchObject({ demo: true, usd: DEMO_START_BALANCE_USD });
    expect(core.demoSimulator()?.balance()).toBe(DEMO_START_BALANCE_USD);

    await core.api.key.set({ key: 'k-live-balance-02', where: 'session' });
    harness.sim.setBalance(3);
    await expect(core.api.balance.resetDemo()).rejects.toThrow(/Only the demo balance can be reset/);
    expect(harness.sim.balance()).toBe(3);
  });
});
