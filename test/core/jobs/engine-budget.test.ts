// Caps and staging in the real engine over the simulator (which counts every submit it accepts):
// a batch that would cross the daily cap sends what fits and holds the rest, never failed or
// dropped; a restart keeps them held; raising the cap or releasing one job sends it; staged jobs
// are edited, removed and sent only when the user says so.
import { afterEach, describe, expect, it } from 'vitest';
import { readBudget, writeBudget } from '../../../main/core/budget/budget-settings';
import { generationParamsSchema } from '../../../shared/domain/params';
import { type Harness, startHarness } from '../../helpers/engine-harness';

/** The value, or a failed test when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

const held = (id: string) => harness.waitFor(id, (record) => record.state === 'held');
const sentOff = (id: string) => harness.waitFor(id, (record) => record.taskId !== null);

describe('spending caps in the engine', () => {
  it('holds what would cross the daily cap, keeps it held across a restart, and sends it when the cap is raised', async () => {
    harness = await startHarness();
    writeBudget(harness.library, { dailyUsd: 1 });
    const batch = harness.create({ resolution: '720p', duration: 5 }, 3); // $0.40 each
    const settled = await Promise.all(
      batch.map((job) =>
        harness.waitFor(job.id, (record) => record.taskId !== null || record.state === 'held'),
      ),
    );
    const waiting = settled.filter((record) => record.state === 'held');
    expect(waiting).toHaveLength(1);
    expect(harness.sim.stats.submitsAccepted).toBe(2);
    const [job] = waiting;
    expect(job?.hold).toMatchObject({
      kind: 'over_budget',
      cap: 'daily',
      capUsd: 1,
      spentUsd: 0.8,
      overByUsd: 0.2,
    });
    expect(job?.errorMessage).toContain('$0.20 over the daily cap of $1.00');

    await harness.restart();
    expect(harness.library.getGeneration(must(job).id)?.state).toBe('held');
    expect(harness.sim.stats.submitsAccepted).toBe(2);

    writeBudget(harness.library, { dailyUsd: 2 });
    harness.engine.recheckHeld();
    await sentOff(must(job).id);
    expect(harness.sim.stats.submitsAccepted).toBe(3);
  });

  it('holds again when the raised cap is still too low, and a released job goes past the cap', async () => {
    harness = await startHarness();
    writeBudget(harness.library, { dailyUsd: 0.5 });
    const [first] = harness.create({ resolution: '1080p', duration: 5 }); // $0.65
    await held(must(first).id);
    writeBudget(harness.library, { dailyUsd: 0.6 });
    harness.engine.recheckHeld();
    await harness.waitFor(
      must(first).id,
      (record) =>
        record.state === 'held' && record.hold?.kind === 'over_budget' && record.hold.capUsd === 0.6,
    );
    expect(harness.sim.stats.submitsAccepted).toBe(0);

    harness.engine.release(must(first).id);
    const sent = await sentOff(must(first).id);
    expect(harness.sim.stats.submitsAccepted).toBe(1);
    expect(sent.budgetReleased).toBe(false); // the release covered that one send
    // Releasing one job is not a raise: the next one is held.
    const [second] = harness.create({ resolution: '720p', duration: 5 });
    await held(must(second).id);
    expect(harness.sim.stats.submitsAccepted).toBe(1);
    expect(readBudget(harness.library).dailyUsd).toBe(0.6);
  });
});

describe('a release is for one send', () => {
  it('a released job that failed meets the caps again when retried', async () => {
    harness = await startHarness({ sim: { violationWord: 'forbidden' } });
    writeBudget(harness.library, { dailyUsd: 0.5 });
    const [job] = harness.create({ resolution: '1080p', duration: 5, prompt: 'a forbidden lake' }); // $0.65
    await held(must(job).id);
    harness.engine.release(must(job).id);
    const failed = await harness.settle(must(job).id);
    expect(failed.state).toBe('failed');
    expect(harness.sim.stats.submitsAccepted).toBe(1);

    harness.engine.retry(must(job).id);
    const again = await held(must(job).id);
    expect(again.hold?.kind).toBe('over_budget');
    expect(harness.sim.stats.submitsAccepted).toBe(1);
  });

  it('a release survives a send that provably created nothing (a 429), and the job goes out', async () => {
    harness = await startHarness();
    writeBudget(harness.library, { dailyUsd: 0.5 });
    harness.sim.faults.inject({ kind: 'rate_limit', phase: 'submit', times: 1 });
    const [job] = harness.create({ resolution: '1080p', duration: 5 }); // $0.65
    await held(must(job).id);
    harness.engine.release(must(job).id);
    const done = await harness.settle(must(job).id);
    expect(done.state).toBe('done');
    expect(harness.sim.stats.submitsAccepted).toBe(1);
  });
});

describe('held jobs and the remote-task cap', () => {
  it('a job held by a cap gives back its slot, so the next one that fits is sent', async () => {
    harness = await startHarness({ maxRemoteTasks: 1 });
    writeBudget(harness.library, { dailyUsd: 0.5 });
    const [expensive] = harness.create({ resolution: '1080p', duration: 5 }); // $0.65: over
    await held(must(expensive).id);
    const [cheap] = harness.create({ resolution: '720p', duration: 5 }); // $0.40: fits
    await sentOff(must(cheap).id);
    expect(harness.sim.stats.submitsAccepted).toBe(1);
    expect(harness.library.getGeneration(must(expensive).id)?.state).toBe('held');
  });
});

describe('staging', () => {
  it('creates held jobs, edits and removes them, and sends only when asked', async () => {
    harness = await startHarness();
    const params = generationParamsSchema.parse({
      mode: 'text-to-video',
      prompt: 'first draft',
      resolution: '720p',
      duration: 5,
    });
    const staged = harness.engine.enqueue({
      params,
      count: 3,
      seedMode: 'random',
      projectId: null,
      backend: 'apixo',
      hold: true,
    });
    expect(staged.map((record) => [record.state, record.hold])).toEqual(
      Array(3).fill(['held', { kind: 'staged' }]),
    );
    await harness.restart();
    const [a, b, c] = staged;
    const edited = harness.engine.editHeld(must(a).id, {
      ...must(a).params,
      prompt: 'second draft',
      resolution: '1080p',
    });
    expect(edited).toMatchObject({
      state: 'held',
      estimatedCostUsd: 0.65,
      params: { prompt: 'second draft', resolution: '1080p' },
    });
    harness.engine.cancel(must(b).id);
    expect(harness.sim.stats.submitsAccepted).toBe(0);

    harness.engine.release(must(a).id);
    harness.engine.release(must(c).id);
    await Promise.all([sentOff(must(a).id), sentOff(must(c).id)]);
    expect(harness.sim.stats.submitsAccepted).toBe(2);
    expect(harness.library.getGeneration(must(b).id)?.state).toBe('cancelled');
    expect(() => harness.engine.editHeld(must(a).id, must(a).params)).toThrow(
      /Only a held generation can be edited/,
    );
  });

  it('a staged job still meets the caps when it is sent', async () => {
    harness = await startHarness();
    writeBudget(harness.library, { dailyUsd: 0.3 });
    const params = generationParamsSchema.parse({
      mode: 'text-to-video',
      prompt: 'draft',
      resolution: '720p',
      duration: 5,
    });
    const [job] = harness.engine.enqueue({
      params,
      count: 1,
      seedMode: 'random',
      projectId: null,
      backend: 'apixo',
      hold: true,
    });
    harness.engine.release(must(job).id);
    const after = await harness.waitFor(must(job).id, (record) => record.hold?.kind === 'over_budget');
    expect(after.state).toBe('held');
    expect(harness.sim.stats.submitsAccepted).toBe(0);
  });
});
