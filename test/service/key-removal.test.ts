// Removing the key promises that generations already created with it keep it: jobs still waiting
// to be sent are sent with it and finish; a job created afterwards runs in demo mode.
import { afterEach, describe, expect, it } from 'vitest';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';

const KEY = 'sk-key-removal-test-0001';
let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('removing the API key', () => {
  it('lets the jobs created with it finish, and sends nothing for them without it', async () => {
    harness = await startCoreHarness({ sim: { apiKeys: [KEY] } });
    const { core, sim } = harness;
    await core.api.key.set({ key: KEY, where: 'session' });
    const created = await core.api.generations.create({
      params: { mode: 'text-to-video', prompt: 'kites over a windy hill' },
      count: 4,
    });
    expect(created.every((record) => record.backend === 'apixo')).toBe(true);
    await core.api.key.clear();
    expect((await core.api.key.status()).set).toBe(false);

    for (const record of created) await harness.waitForState(record.id, ['done', 'failed'], 60_000);
    for (const record of created) {
      const final = await core.api.generations.get({ id: record.id });
      expect(final?.state, final?.errorMessage ?? '').toBe('done');
    }
    expect(sim.stats.submitsAccepted).toBe(4);
    expect(sim.stats.submitsRejected).toBe(0);

    // New work after the removal is demo work: the retained key is for the old jobs only.
    const [later] = await core.api.generations.create({
      params: { mode: 'text-to-video', prompt: 'a quiet harbour' },
    });
    expect(later?.backend).toBe('demo');
  });
});
