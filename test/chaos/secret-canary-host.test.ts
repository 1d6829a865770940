// The canary key again (see test/service/secret-canary.test.ts), now driven the way the browser
// UI drives the studio: every call over the browser host's WebSocket, every event read off that
// socket. The key set at the start must never come back in any frame, nor land in the database,
// its WAL, the logs, the settings or the library folder — through generations, an error path,
// balance, library edits, and a demo-mode run after the key is cleared.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScaledClock } from '../../main/core/clock';
import type { Simulator } from '../../main/demo/simulator';
import { startSimulator } from '../../main/demo/simulator';
import { type BrowserHost, startBrowserHost } from '../../main/host/browser-host';
import type { GenerationRecord } from '../../preload/contract';
import { KEY_STORAGE, leaksSecret, readAllFiles } from '../helpers/core-harness';
import { connect } from '../helpers/host-socket';

const CANARY = 'sk-canary-host-3c9e1a7b5d2f4086';
const PARAMS = {
  mode: 'text-to-video' as const,
  prompt: 'a paper boat on a rainy street',
  resolution: '720p' as const,
  duration: 5 as const,
  aspectRatio: '16:9' as const,
  promptExpansion: true,
  provider: 'auto' as const,
};

let sim: Simulator | null = null;
let host: BrowserHost | null = null;
let dir = '';
afterEach(async () => {
  await host?.close();
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
  host = null;
  sim = null;
});

describe('the API key never reaches the browser host socket or the disk', () => {
  it('through a full run driven over the WebSocket', async () => {
    delete process.env.APIXO_API_KEY;
    const clock = createScaledClock(200);
    sim = await startSimulator({ clock, seed: 13, apiKeys: [CANARY] });
    dir = await mkdtemp(join(tmpdir(), 'wan-chaos-canary-'));
    host = await startBrowserHost({
      userDataDir: join(dir, 'data'),
      libraryDir: join(dir, 'library'),
      clock,
      apiBaseUrl: `${sim.url}/api/v1`,
      secretService: `wan-studio-canary-host-${process.pid}`,
      demo: { timeScale: 0.05 },
    });
    const ui = await connect(host);

    const status = await ui.call<{ set: boolean; last4: string }>('key.set', {
      key: CANARY,
      where: KEY_STORAGE,
    });
    expect(status).toMatchObject({ set: true, last4: CANARY.slice(-4) });
    expect(await ui.call('app.info')).toMatchObject({ demoMode: false });

    const created = await ui.call<GenerationRecord[]>('generations.create', {
      params: PARAMS,
      count: 3,
      seedMode: 'random',
      projectId: null,
    });
    await ui.settle(
      created.map((record) => record.id),
      ['done'],
    );
    expect(sim.stats.submitsAccepted).toBe(3); // the canary really was the key in use
    expect(await ui.call('balance.get', { refresh: true })).toMatchObject({ error: null, demo: false });
    await ui.call('queue.snapshot');
    await ui.call('library.setNotes', { id: created[0]?.id, notes: 'keep this one' });
    await ui.call('library.setTags', { id: created[0]?.id, tags: ['canary'] });
    await ui.call('library.query', { text: 'paper boat' });
    await ui.call('key.status');
    await ui.call('settings.get');

    // An error path: the server fails after accepting; its message travels to the UI and the log.
    sim.faults.inject({ kind: 'server_error', phase: 'submit', times: 1 });
    const [failing] = await ui.call<GenerationRecord[]>('generations.create', {
      params: PARAMS,
      count: 1,
      seedMode: 'random',
      projectId: null,
    });
    await ui.settle([failing?.id ?? ''], ['uncertain']);
    sim.faults.inject({ kind: 'server_error', phase: 'balance', times: 1 });
    expect(await ui.call('balance.get', { refresh: true })).toMatchObject({ usd: null });

    // Demo mode after the key is gone: the built-in simulator, still nothing of the old key.
    await ui.call('key.clear');
    expect(await ui.call('app.info')).toMatchObject({ demoMode: true });
    const [demo] = await ui.call<GenerationRecord[]>('generations.create', {
      params: PARAMS,
      count: 1,
      seedMode: 'random',
      projectId: null,
    });
    await ui.settle([demo?.id ?? ''], ['done']);
    const page = await (await fetch(host.origin)).text();

    const whileOpen = await readAllFiles(dir); // the WAL still holds recent pages
    ui.close();
    await host.close();
    host = null;
    const afterClose = await readAllFiles(dir);
    for (const file of [...whileOpen, ...afterClose])
      expect(leaksSecret(file.bytes, CANARY), file.path).toBe(false);
    for (const frame of ui.frames) expect(leaksSecret(frame, CANARY), frame.slice(0, 200)).toBe(false);
    expect(leaksSecret(page, CANARY)).toBe(false);

    // The scan looked at what it should have.
    expect(whileOpen.some((file) => file.path.endsWith('library.db-wal'))).toBe(true);
    expect(afterClose.some((file) => file.path.endsWith('.log'))).toBe(true);
    expect(afterClose.filter((file) => file.path.endsWith('.mp4')).length).toBe(4);
    expect(ui.frames.filter((frame) => frame.includes('"generation.updated"')).length).toBeGreaterThan(15);
    expect(ui.frames.some((frame) => frame.includes('"key.updated"'))).toBe(true);
    expect(ui.frames.some((frame) => frame.includes('could not confirm'))).toBe(true);
  });
});
