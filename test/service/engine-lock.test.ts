// Two studios on one library (the app and a CLI, say): the second one opens it for reading and,
// asked to generate, says plainly which process holds the library, queueing nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';

const harnesses: CoreHarness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0).reverse()) await harness.close();
});

const request = {
  params: {
    mode: 'text-to-video',
    prompt: 'a lighthouse at dusk',
    resolution: '720p',
    duration: 5,
    aspectRatio: '16:9',
    promptExpansion: false,
    provider: 'auto',
  },
  count: 1,
  seedMode: 'random',
  projectId: null,
} as const;

describe('one engine per library', () => {
  it('a second studio on the same library refuses to generate and names the holder', async () => {
    const first = await startCoreHarness();
    harnesses.push(first);
    const root = first.core.library().root;
    const second = await startCoreHarness({ core: { libraryDir: root } });
    harnesses.push(second);

    await expect(second.core.api.generations.create(request)).rejects.toThrow(
      `Another Wan Studio (the browser studio, process ${process.pid} on `,
    );
    expect(second.core.library().query({}).total).toBe(0);
    // The holder itself still generates.
    const [created] = await first.core.api.generations.create(request);
    expect(created?.state).toBeDefined();
  }, 30_000);

  it('a studio closed normally leaves the library free for the next one', async () => {
    const first = await startCoreHarness();
    harnesses.push(first);
    await first.core.close();
    const next = await startCoreHarness({ core: { libraryDir: first.core.library().root } });
    harnesses.push(next);
    const [created] = await next.core.api.generations.create(request);
    expect(created?.state).toBeDefined();
  }, 30_000);

  it('moving the library takes the lock along: a second studio at the new place is refused', async () => {
    const first = await startCoreHarness();
    harnesses.push(first);
    const oldRoot = first.core.library().root;
    const newRoot = `${oldRoot}-moved`;
    await first.core.api.library.move({ folder: newRoot });
    const second = await startCoreHarness({ core: { libraryDir: newRoot } });
    harnesses.push(second);
    await expect(second.core.api.generations.create(request)).rejects.toThrow(/is working on this library/);
    const [created] = await first.core.api.generations.create(request);
    expect(created?.state).toBeDefined();
  }, 30_000);
});
