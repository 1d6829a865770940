// A canary API key, used for real against the simulator through the whole stack, must never be
// found in the database, its WAL, the logs, the settings, the library folder or any event.
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CoreHarness,
  KEY_STORAGE,
  leaksSecret,
  readAllFiles,
  startCoreHarness,
} from '../helpers/core-harness';

const CANARY = 'sk-canary-7f3a9c2e5b1d4e8f';
let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const leaks = (haystack: Buffer | string) => leaksSecret(haystack, CANARY);

describe('the API key never leaves main and the keychain', () => {
  it('is absent from every file and event after a full run', async () => {
    harness = await startCoreHarness({ sim: { apiKeys: [CANARY] } });
    const { core } = harness;
    const status = await core.api.key.set({ key: CANARY, where: KEY_STORAGE });
    expect(status).toMatchObject({ set: true, last4: CANARY.slice(-4) });
    expect((await core.api.app.info()).demoMode).toBe(false);

    const params = {
      mode: 'text-to-video' as const,
      prompt: 'a paper boat on a rainy street',
      resolution: '720p' as const,
      duration: 5 as const,
      aspectRatio: '16:9' as const,
      promptExpansion: true,
      provider: 'auto' as const,
    };
    const created = await core.api.generations.create({
      params,
      count: 2,
      seedMode: 'random',
      projectId: null,
    });
    for (const record of created) await harness.waitForState(record.id, ['done']);
    expect(harness.sim.stats.submitsAccepted).toBe(2); // the canary really was the key in use
    const balance = await core.api.balance.get({ refresh: true });
    expect(balance.usd).toEqual(expect.any(Number));

    // An error path too: the server rejects a request; its message is logged.
    harness.sim.faults.inject({ kind: 'server_error', phase: 'submit', times: 1 });
    const [failing] = await core.api.generations.create({
      params,
      count: 1,
      seedMode: 'random',
      projectId: null,
    });
    await harness.waitForState(failing?.id ?? '', ['uncertain']);

    const whileOpen = await readAllFiles(harness.dir); // WAL still holds recent pages
    await core.close();
    const afterClose = await readAllFiles(harness.dir);
    for (const file of [...whileOpen, ...afterClose]) expect(leaks(file.bytes), file.path).toBe(false);
    expect(afterClose.some((file) => file.path.endsWith('.log'))).toBe(true);
    expect(afterClose.some((file) => file.path.endsWith('library.db'))).toBe(true);
    expect(leaks(JSON.stringify(harness.events))).toBe(false);
    expect(harness.events.some((event) => event.name === 'key.updated')).toBe(true);
    expect(harness.events.filter((event) => event.name === 'generation.updated').length).toBeGreaterThan(5);
  });
});
