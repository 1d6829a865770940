import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSha256, type Harness, startHarness } from '../../helpers/engine-harness';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function serveImage(): Promise<{ url: string; server: Server }> {
  const bytes = await readFile(join(import.meta.dirname, '../../fixtures/images/still-80x64.png'));
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ref.png`, server };
}

describe('job engine end to end', () => {
  it('text-to-video: submit, poll, download, library row with the right sha256', async () => {
    harness = await startHarness();
    const [created] = harness.create({ resolution: '1080p', duration: 10 });
    if (!created) throw new Error('nothing created');
    expect(created.state).toBe('queued');
    expect(created.params.seed).toEqual(expect.any(Number));
    const done = await harness.settle(created.id);
    expect(done.state).toBe('done');
    expect(done.taskId).toMatch(/^task_/);
    expect(done.video?.bytes).toBeGreaterThan(10_000);
    expect(await fileSha256(harness.library, done)).toBe(done.video?.sha256);
    expect(done.video?.width).toBeGreaterThan(0);
    expect(done.costTimeMs).toBeGreaterThan(60_000);
    expect(harness.sim.stats.submitsAccepted).toBe(1);
    const seen = new Set(harness.updates.filter((u) => u.id === created.id).map((u) => u.state));
    expect([...seen]).toEqual(
      expect.arrayContaining(['queued', 'submitting', 'pending', 'downloading', 'done']),
    );
    // The sent seed is the recorded one: a remix reproduces it.
    expect(harness.sim.tasks()[0]?.params.seed).toBe(done.params.seed);
  });

  it('image-to-video: the simulator fetches the image and the video arrives', async () => {
    harness = await startHarness();
    const image = await serveImage();
    try {
      const [created] = harness.create({
        mode: 'image-to-video',
        imageUrl: image.url,
        aspectRatio: undefined,
        prompt: 'slow zoom in',
      });
      const done = await harness.settle(created?.id ?? '');
      expect(done.state).toBe('done');
      expect(harness.sim.stats.imageFetches).toBe(1);
      expect(await fileSha256(harness.library, done)).toBe(done.video?.sha256);
    } finally {
      image.server.close();
    }
  });

  it('a batch gets different seeds and every job finishes', async () => {
    harness = await startHarness();
    const batch = harness.create({}, 4);
    expect(new Set(batch.map((record) => record.params.seed)).size).toBe(4);
    const results = await Promise.all(batch.map((record) => harness?.settle(record.id)));
    expect(results.map((record) => record?.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(harness.sim.stats.submitsAccepted).toBe(4);
  });

  it('learns the expected duration from finished generations', async () => {
    harness = await startHarness();
    const documented = harness.engine.expectedMs('720p', 5);
    expect(documented).toBe(60_000);
    const batch = harness.create({}, 6);
    await Promise.all(batch.map((record) => harness?.settle(record.id)));
    await harness.restart(); // drops the plan cache
    const history = harness.library.costTimeHistory('720p', 5);
    expect(history).toHaveLength(6);
    const learned = harness.engine.expectedMs('720p', 5);
    const sorted = [...history].sort((a, b) => a - b);
    expect(learned).toBeGreaterThanOrEqual(sorted[0] ?? 0);
    expect(learned).toBeLessThanOrEqual(sorted.at(-1) ?? 0);
  });

  it('cancel stops local work and says APIXO cannot cancel remotely', async () => {
    harness = await startHarness();
    const [created] = harness.create();
    const id = created?.id ?? '';
    await harness.waitFor(id, (record) => record.state === 'pending' || record.state === 'processing');
    const cancelled = harness.engine.cancel(id);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.errorMessage).toMatch(/no cancel endpoint/);
    const polls = harness.sim.stats.statusQueries;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(harness.sim.stats.statusQueries).toBe(polls);
    expect(harness.library.getGeneration(id)?.state).toBe('cancelled');
  });

  it('resumes every job from its stored state after a restart, submitting nothing twice', async () => {
    harness = await startHarness();
    const batch = harness.create({ resolution: '1080p' }, 3);
    await Promise.all(
      batch.map((record) =>
        harness?.waitFor(record.id, (r) => r.state === 'pending' || r.state === 'processing'),
      ),
    );
    await harness.restart();
    const results = await Promise.all(batch.map((record) => harness?.settle(record.id)));
    expect(results.every((record) => record?.state === 'done')).toBe(true);
    expect(harness.sim.stats.submitsAccepted).toBe(3);
  });
});
