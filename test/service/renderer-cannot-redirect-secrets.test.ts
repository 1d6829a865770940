// A compromised renderer drives the real dispatcher (every call a renderer can make) and tries to
// send the APIXO key or the hosting credentials to its own server on loopback. That server must
// never see an Authorization header. The base URL comes only from the flag or the variable.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOSTING_SETTINGS } from '../../main/core/hosting/config';
import { type Simulator, startSimulator } from '../../main/demo/simulator';
import type { Dispatch } from '../../main/service/dispatch';
import { headlessPlatform } from '../../main/service/headless-platform';
import { createStudioCore } from '../../main/service/studio-core';
import type { StudioCore } from '../../main/service/types';
import { type CoreHarness, KEY_STORAGE, startCoreHarness } from '../helpers/core-harness';
import { type RecordingServer, startRecordingServer } from '../helpers/recording-server';

const KEY = 'sk-live-renderer-canary-0123456789';

let evil: RecordingServer;
beforeAll(async () => {
  evil = await startRecordingServer();
});
afterAll(() => evil.close());

describe('a compromised renderer', () => {
  let harness: CoreHarness;
  let api: Simulator;
  let dispatch: Dispatch;
  beforeAll(async () => {
    // As the desktop app runs: no --base-url, so only the variable decides (here: a loopback simulator).
    api = await startSimulator({ apiKeys: [KEY] });
    harness = await startCoreHarness({
      core: { apiBaseUrl: undefined, env: { WAN_STUDIO_API_BASE_URL: `${api.url}/api/v1` } },
    });
    dispatch = harness.core.dispatch;
  });
  afterAll(async () => {
    await harness.close();
    await api.close();
  });

  /** The bucket the user set up (on loopback; nothing is uploaded to it here). */
  const ownBucket = () => ({
    ...DEFAULT_HOSTING_SETTINGS,
    endpoint: harness.sim.url,
    bucket: 'refs',
    pathStyle: true,
  });

  it('cannot set the API base URL: settings.update refuses it', async () => {
    const reply = await dispatch('settings.update', { apiBaseUrl: `${evil.url}/api/v1` });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const info = await dispatch('app.info', undefined);
    expect(info).toMatchObject({
      ok: true,
      value: { apiBaseUrl: `${api.url}/api/v1`, apiBaseUrlSource: 'environment' },
    });
  });

  it('never gets the key or the hosting credentials sent to its server, whatever it calls', async () => {
    const hosting = ownBucket();
    const steps: [string, unknown][] = [
      ['key.set', { key: KEY, where: KEY_STORAGE }],
      ['settings.update', { imageHosting: hosting }],
      [
        'hosting.setCredentials',
        { accessKeyId: 'AKIDCANARY0001', secretAccessKey: 's3-canary', where: 'session' },
      ],
      // The attack: point everything that sends something at the evil server…
      ['settings.update', { apiBaseUrl: `${evil.url}/api/v1` }],
      ['settings.update', { imageHosting: { ...hosting, endpoint: evil.url } }],
      ['settings.update', { delivery: 'callback', callbackPublicUrl: `${evil.url}/callback` }],
      // …re-bind the stored credentials to it without knowing the secret…
      ['hosting.setCredentials', { accessKeyId: 'AKIDCANARY0002', where: 'session' }],
      // …and make the core send requests.
      ['hosting.test', undefined],
      ['balance.get', { refresh: true }],
      ['generations.create', { params: { mode: 'text-to-video', prompt: 'a fox in the snow' } }],
      ['images.inspectUrl', { url: `${evil.url}/image.png` }],
      ['settings.update', { imageHosting: { ...hosting, region: 'auto' } }],
      ['hosting.test', undefined],
      ['balance.get', { refresh: true }],
    ];
    const replies: Record<string, unknown>[] = [];
    for (const [channel, argument] of steps)
      replies.push({ channel, ...(await dispatch(channel, argument)) });

    const authorizations = evil.requests.map((request) => request.headers.authorization).filter(Boolean);
    expect(authorizations.filter((header) => header?.startsWith('Bearer'))).toEqual([]);
    expect(authorizations).toEqual([]);
    expect(JSON.stringify(evil.requests)).not.toContain(KEY);
    expect(JSON.stringify(evil.requests)).not.toContain('AKIDCANARY');
    // The re-binding without the secret was refused, and the hosting status says why.
    expect(replies[6]).toMatchObject({ ok: false, error: { kind: 'hosting' } });
    expect(await harness.core.api.hosting.status()).toMatchObject({
      savedForOtherBucket: true,
      ready: false,
    });
    // The real work still goes where it should: the balance comes from the simulator.
    expect(replies.at(-1)).toMatchObject({ ok: true, value: { error: null } });
  });

  it('gets the credentials back when the bucket they were entered for is set again', async () => {
    const hosting = ownBucket();
    await dispatch('settings.update', { imageHosting: hosting });
    expect(await harness.core.api.hosting.status()).toMatchObject({
      accessKeyIdSet: true,
      secretSet: true,
      savedForOtherBucket: false,
    });
  });
});

describe('the base URL from outside the UI', () => {
  let dir: string;
  let sim: Simulator;
  let core: StudioCore | null = null;
  beforeAll(async () => {
    sim = await startSimulator({ apiKeys: [KEY], balanceUsd: 42 });
  });
  afterAll(() => sim.close());
  afterEach(async () => {
    await core?.close();
    core = null;
    await rm(dir, { recursive: true, force: true });
  });

  async function start(
    env: NodeJS.ProcessEnv,
    apiBaseUrl?: string,
    settingsJson?: unknown,
  ): Promise<StudioCore> {
    dir = await mkdtemp(join(tmpdir(), 'wan-key-destination-'));
    if (settingsJson) {
      await mkdir(join(dir, 'data'), { recursive: true });
      await writeFile(join(dir, 'data', 'settings.json'), JSON.stringify(settingsJson));
    }
    core = await createStudioCore({
      userDataDir: join(dir, 'data'),
      defaultLibraryDir: join(dir, 'library'),
      host: 'cli',
      mediaBaseUrl: '',
      platform: headlessPlatform(),
      version: 'test',
      env,
      apiBaseUrl,
      secretService: `wan-studio-test-${process.pid}`,
      startEngine: false,
    });
    return core;
  }

  it('WAN_STUDIO_API_BASE_URL points the key at the loopback simulator', async () => {
    const started = await start({ WAN_STUDIO_API_BASE_URL: `${sim.url}/api/v1` });
    await started.api.key.set({ key: KEY, where: 'session' });
    expect(await started.api.balance.get({ refresh: true })).toMatchObject({ usd: 42, error: null });
    expect(await started.info()).toMatchObject({
      apiBaseUrl: `${sim.url}/api/v1`,
      apiBaseUrlSource: 'environment',
    });
  });

  it('--base-url does the same, and wins over the variable', async () => {
    const started = await start({ WAN_STUDIO_API_BASE_URL: `${evil.url}/api/v1` }, `${sim.url}/api/v1`);
    await started.api.key.set({ key: KEY, where: 'session' });
    expect(await started.api.balance.get({ refresh: true })).toMatchObject({ usd: 42 });
    expect((await started.info()).apiBaseUrlSource).toBe('flag');
  });

  it.each([
    [
      { WAN_STUDIO_API_BASE_URL: 'http://evil.example/api/v1' },
      undefined,
      /WAN_STUDIO_API_BASE_URL points at/,
    ],
    [{ WAN_STUDIO_API_BASE_URL: 'https://evil.example/api/v1' }, undefined, /WAN_STUDIO_ALLOW_CUSTOM_API=1/],
    [{}, 'http://evil.example/api/v1', /--base-url points at http:\/\/evil\.example/],
  ])('refuses %o %s before opening anything', async (env, flag, message) => {
    await expect(start(env, flag)).rejects.toThrow(message);
  });

  it('ignores a stale apiBaseUrl in settings.json, keeps the other settings, and logs it', async () => {
    const started = await start({}, undefined, {
      settings: { theme: 'dark', apiBaseUrl: `${evil.url}/api/v1` },
      libraryRoot: null,
    });
    expect((await started.api.settings.get()).theme).toBe('dark');
    expect(await started.info()).toMatchObject({
      apiBaseUrl: 'https://api.apixo.ai/api/v1',
      apiBaseUrlSource: 'default',
    });
    const log = await readFile(join(dir, 'data', 'logs', 'wan-studio.log'), 'utf8');
    expect(log).toContain('apiBaseUrl');
    expect(log).toContain('WAN_STUDIO_API_BASE_URL');
  });
});
