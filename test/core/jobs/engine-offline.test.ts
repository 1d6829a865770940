// The network goes away mid-batch: jobs pause (offline, not failed), new ones wait as queued, and
// everything finishes by itself once APIXO is reachable again.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../main/demo/simulator';
import { type Harness, startHarness } from '../../helpers/engine-harness';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('offline', () => {
  it('pauses while the simulator is unreachable and resumes when it is back', async () => {
    const statePath = join(process.env.TMPDIR ?? '/tmp', `wan-offline-${process.pid}-${Date.now()}.json`);
    harness = await startHarness({ sim: { statePath } });
    const port = Number(new URL(harness.sim.url).port);
    const batch = harness.create({ resolution: '1080p' }, 4);
    await Promise.all(
      batch.map((record) =>
        harness?.waitFor(record.id, (r) => r.state === 'pending' || r.state === 'processing'),
      ),
    );

    await harness.sim.close();
    await harness.waitFor(batch[0]?.id ?? '', () => harness?.engine.network.snapshot().online === false);
    const [late] = harness.create({ prompt: 'created while offline' });
    await harness.waitFor(
      late?.id ?? '',
      (record) => record.state === 'queued' && record.errorKind === 'network',
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // many retry rounds in scaled time
    for (const record of [...batch, late]) {
      const state = harness.library.getGeneration(record?.id ?? '')?.state;
      expect(['queued', 'pending', 'processing']).toContain(state);
    }
    expect(harness.engine.network.snapshot().waiting).toBeGreaterThan(0);

    // APIXO comes back on the same address, with the tasks it had.
    harness.sim = await startSimulator({ clock: harness.clock, port, statePath, seed: 7 });
    const results = await Promise.all(
      [...batch, late].map((record) => harness?.settle(record?.id ?? '', 30_000)),
    );
    expect(results.map((record) => record?.state)).toEqual(Array(5).fill('done'));
    expect(harness.engine.network.snapshot().online).toBe(true);
    // Only the late one was submitted to the second instance: nothing was sent twice.
    expect(harness.sim.stats.submitsAccepted).toBe(1);
    expect(harness.sim.tasks().length).toBe(5);
  });

  it('offline for longer than the stall time: asks APIXO again on reconnecting before calling a job stalled', async () => {
    const statePath = join(
      process.env.TMPDIR ?? '/tmp',
      `wan-offline-long-${process.pid}-${Date.now()}.json`,
    );
    // Tasks five times slower than documented, so the job is still running when the network goes.
    harness = await startHarness({ sim: { statePath, timeScale: 5 } });
    const port = Number(new URL(harness.sim.url).port);
    const [job] = harness.create({ resolution: '1080p' });
    const id = job?.id ?? '';
    await harness.waitFor(id, (r) => (r.state === 'pending' || r.state === 'processing') && r.pollCount > 0);

    await harness.sim.close();
    await new Promise((resolve) => setTimeout(resolve, 3_300)); // ×200: 11 minutes of app time
    harness.sim = await startSimulator({ clock: harness.clock, port, statePath, seed: 7, timeScale: 5 });
    expect((await harness.settle(id, 30_000)).state).toBe('done');
  });
});
