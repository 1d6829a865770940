// The core's in-process API (what the CLI and these tests use) is the same door as Electron IPC and
// the browser host: the contract's schema runs first and fills the defaults, a refusal is a typed
// error with the contract's words, and nothing reaches APIXO for a call the contract refuses.
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerationRecord } from '../../shared/contract/contract';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { refusal } from '../helpers/refusal';

const KEY = 'sk-in-process-api-0001';
let harness: CoreHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function start() {
  harness = await startCoreHarness({ sim: { apiKeys: [KEY] } });
  // Session-only: a keychain entry would outlive this test and take later ones out of demo mode.
  await harness.core.api.key.set({ key: KEY, where: 'session' });
  return harness;
}

describe('the in-process API', () => {
  it('refuses an out-of-range batch in the schema’s words, and nothing is sent or stored', async () => {
    const { core, sim } = await start();
    const prompt = 'a lighthouse at dusk';
    for (const [count, words] of [
      [1000, /Too big: expected number to be <=20/],
      [0, /Too small: expected number to be >=1/],
      [2.5, /Invalid input: expected int/],
    ] as const) {
      const error = await refusal(() =>
        core.api.generations.create({ params: { mode: 'text-to-video', prompt }, count }),
      );
      expect(error.kind).toBe('validation');
      expect(error.fields.count).toMatch(words);
      expect(error.message).toMatch(new RegExp(`^count: ${words.source}`));
    }
    const tooLong = await refusal(() =>
      core.api.generations.create({ params: { mode: 'text-to-video', prompt: 'x'.repeat(801) } }),
    );
    expect(tooLong.fields['params.prompt']).toBe('Prompt must be at most 800 characters');
    expect(sim.stats.submitsAccepted + sim.stats.submitsRejected).toBe(0);
    expect((await core.api.library.query({})).total).toBe(0);
  });

  it('fills the defaults from the schema: a host passes only what its user chose', async () => {
    const { core } = await start();
    const created = await core.api.generations.create({
      params: { mode: 'text-to-video', prompt: 'clouds over a quiet lake' },
    });
    expect(created).toHaveLength(1);
    expect(created[0]?.params).toMatchObject({
      resolution: '720p',
      duration: 5,
      aspectRatio: '16:9',
      promptExpansion: true,
      provider: 'auto',
    });
    expect(created[0]?.projectId).toBeNull();
  });

  it('turns a core refusal into a typed error and delivers the core’s events', async () => {
    const { core } = await start();
    const missing = await refusal(() => core.api.generations.cancel({ id: 'no-such-generation' }));
    expect(missing).toBeInstanceOf(Error);
    expect(missing.kind).toBe('not_found');
    expect(missing.contractError).toMatchObject({ kind: 'not_found', message: missing.message });

    const seen: GenerationRecord[] = [];
    const unsubscribe = core.api.on('generation.updated', (record) => seen.push(record));
    const [created] = await core.api.generations.create({
      params: { mode: 'text-to-video', prompt: 'a paper boat on a rainy street' },
    });
    await harness?.waitForState(created?.id ?? '', ['done'], 30_000);
    unsubscribe();
    expect(seen.filter((record) => record.id === created?.id).at(-1)?.state).toBe('done');
  });
});
