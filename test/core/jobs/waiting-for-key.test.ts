// A job whose key is gone before it was sent (removed, then the app restarted) was never refused
// by APIXO: it waits, labelled, sends nothing, and goes once a key is back.
import { afterEach, describe, expect, it } from 'vitest';
import { WAITING_FOR_KEY_MESSAGE } from '../../../main/core/jobs/submit-step';
import { type Harness, startHarness, TEST_KEY } from '../../helpers/engine-harness';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('a job with no key to send with', () => {
  it('waits for a key instead of failing, then runs to the end once one is set', async () => {
    let key: string | null = null;
    harness = await startHarness({ apiKey: () => key });
    const [record] = harness.create({ prompt: 'a paper boat on a puddle' });
    if (!record) throw new Error('nothing created');

    const waiting = await harness.waitFor(record.id, (r) => r.errorKind === 'invalid_key');
    expect(waiting.state).toBe('queued');
    expect(waiting.errorMessage).toBe(WAITING_FOR_KEY_MESSAGE);
    expect(waiting.errorMessage).not.toMatch(/did not accept|Invalid API key/);
    expect(harness.sim.stats.submitsAccepted + harness.sim.stats.submitsRejected).toBe(0);

    key = TEST_KEY;
    const done = await harness.settle(record.id, 60_000);
    expect(done.state).toBe('done');
    expect(done.errorKind).toBeNull();
    expect(harness.sim.stats.submitsAccepted).toBe(1);
  });
});
