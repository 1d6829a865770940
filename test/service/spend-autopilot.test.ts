// The spend autopilot through the contract, on the real composition root and a loopback simulator
// that charges at submit (also for tasks that then fail): staged jobs wait for sendHeld and its
// confirmation, a raised cap sends held jobs, the duplicate guard finds a finished twin, and the
// spend report flags the balance drop a failed task's charge leaves unexplained.
import { afterEach, describe, expect, it } from 'vitest';
import type { Balance } from '../../shared/contract/contract';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { refusal } from '../helpers/refusal';

/** The value, or a failed test when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const KEY = 'sk-spend-autopilot-0001';
let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function start(balanceUsd = 50) {
  harness = await startCoreHarness({ sim: { apiKeys: [KEY], balanceUsd } });
  await harness.core.api.key.set({ key: KEY, where: 'session' });
  return harness;
}

const params = (prompt: string) => ({
  mode: 'text-to-video' as const,
  prompt,
  resolution: '720p' as const,
  duration: 5 as const,
});

describe('the spend autopilot through the contract', () => {
  it('stages a batch, refuses to send it unconfirmed above the threshold, then sends it', async () => {
    const { core, sim } = await start();
    await core.api.budget.update({ confirmAboveUsd: 0.5 });
    const staged = await core.api.generations.create({ params: params('paper boats'), count: 2, hold: true });
    expect(staged.map((record) => record.state)).toEqual(['held', 'held']);
    const ids = staged.map((record) => record.id);
    const unconfirmed = await refusal(() => core.api.generations.sendHeld({ ids }));
    expect(unconfirmed.kind).toBe('needs_confirmation');
    expect(unconfirmed.message).toMatch(/estimated at \$0\.80, above your confirmation threshold of \$0\.50/);
    const direct = await refusal(() =>
      core.api.generations.create({ params: params('paper boats'), count: 2 }),
    );
    expect(direct.kind).toBe('needs_confirmation');
    expect(sim.stats.submitsAccepted).toBe(0);

    await core.api.generations.sendHeld({ ids, confirmed: true });
    await Promise.all(
      ids.map((id) => must(harness).waitForState(id, ['pending', 'processing', 'downloading', 'done'])),
    );
    expect(sim.stats.submitsAccepted).toBe(2);
    const again = await refusal(() => core.api.generations.sendHeld({ ids, confirmed: true }));
    expect(again.message).toMatch(/no longer held/);
  }, 60_000);

  it('holds over the cap, names the cap in budget.get, and sends when budget.update raises it', async () => {
    const { core, sim } = await start();
    await core.api.budget.update({ dailyUsd: 0.4 });
    const [first, second] = await core.api.generations.create({ params: params('two kites'), count: 2 });
    await Promise.all(
      [first, second].map((record) =>
        must(harness).waitForState(must(record).id, ['held', 'pending', 'processing', 'downloading', 'done']),
      ),
    );
    expect((await core.api.budget.get()).heldOverBudget).toBe(1);
    expect(sim.stats.submitsAccepted).toBe(1);
    const status = await core.api.budget.update({ dailyUsd: 1 });
    expect(status.settings.dailyUsd).toBe(1);
    await Promise.all(
      [first, second].map((record) =>
        must(harness).waitForState(must(record).id, ['pending', 'processing', 'downloading', 'done']),
      ),
    );
    expect(sim.stats.submitsAccepted).toBe(2);
  }, 60_000);

  it('finds a finished generation with the same parameters and fixed seed', async () => {
    const { core } = await start();
    const [done] = await core.api.generations.create({
      params: { ...params('a red door'), seed: 77 },
      seedMode: 'fixed',
    });
    await must(harness).waitForState(must(done).id, ['done'], 30_000);
    const twins = await core.api.generations.duplicates({
      params: { ...params('a red door'), seed: 77 },
      seedMode: 'fixed',
    });
    expect(twins.map((record) => record.id)).toEqual([must(done).id]);
    expect(
      await core.api.generations.duplicates({
        params: { ...params('a red door'), seed: 78 },
        seedMode: 'fixed',
      }),
    ).toEqual([]);
    expect(await core.api.generations.duplicates({ params: params('a red door') })).toEqual([]);
  }, 60_000);

  it('flags the balance drop a charged failed task leaves, and alerts once when the balance runs low', async () => {
    const { core, events } = await start(1);
    await core.api.budget.update({ lowBalanceUsd: 0.5 });
    expect((await core.api.balance.get({ refresh: true })).lowAlert).toBeNull();
    const [good] = await core.api.generations.create({ params: params('a calm sea') });
    const [bad] = await core.api.generations.create({ params: params('a forbidden scene') });
    await must(harness).waitForState(must(good).id, ['done'], 30_000);
    await must(harness).waitForState(must(bad).id, ['failed'], 30_000);
    // The balance also refreshes by itself after each job (live balance): whichever reading first
    // falls below the threshold carries the alert, and only that one.
    expect((await core.api.balance.get({ refresh: true })).usd).toBe(0.2);
    expect((await core.api.balance.get({ refresh: true })).lowAlert).toBeNull(); // once per crossing
    const alerts = events.filter(
      (event) => event.name === 'balance.updated' && (event.payload as Balance).lowAlert,
    );
    expect(alerts).toHaveLength(1);
    expect((alerts[0]?.payload as Balance | undefined)?.lowAlert).toEqual({ thresholdUsd: 0.5 });

    const report = await core.api.spend.report();
    expect(report).toMatchObject({ totalUsd: 0.8, count: 2, failedUsd: 0.4 });
    const [day] = report.days;
    expect(day).toMatchObject({ totalUsd: 0.8, balanceDropUsd: 0.8, expectedDropUsd: 0.4, gapUsd: 0.4 });
  }, 60_000);
});
