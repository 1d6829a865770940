// Audio-driven wan-2-5-video through the real core: the audio is judged by its content and kept in
// the library by hash, hosted like a reference image (loopback in demo mode, the user's
// S3-compatible bucket otherwise), fetched by the simulator, and the result has a sound track.
// Audio the model cannot use is refused before anything is sent.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AddressPolicy, publicInternetOnly } from '../../main/core/net/address-policy';
import type { Simulator } from '../../main/demo/simulator';
import { isStudioApiError } from '../../main/service/in-process-api';
import type { GenerationParams, GenerationRecord } from '../../shared/contract/contract';
import { startLocalServer } from '../demo/sim-http';
import { type CoreHarness, startCoreHarness } from '../helpers/core-harness';
import { streamTypes } from '../helpers/media-streams';
import { S3_CREDENTIALS, startS3, type TestS3 } from '../helpers/s3-server';

const FIXTURES = join(import.meta.dirname, '../fixtures/audio');
const VOICE: GenerationParams = {
  model: 'wan-2-5-video',
  mode: 'text-to-video',
  prompt: 'a singer on a small stage, warm spotlight, she sings along to the track',
  resolution: '480p',
  duration: 5,
  aspectRatio: '9:16',
  promptExpansion: true,
  provider: 'auto',
};

let harness: CoreHarness;
let s3: TestS3;
beforeEach(async () => {
  s3 = await startS3();
});
afterEach(async () => {
  await harness?.close();
  await s3.close();
});

async function start(options: { publicAddressPolicy?: AddressPolicy } = {}) {
  harness = await startCoreHarness({ core: options });
  return harness.core.api;
}

async function dropAudio(name: string, bytes?: Uint8Array) {
  const folder = await mkdtemp(join(harness.dir, 'dropped-'));
  const path = join(folder, name);
  await writeFile(path, bytes ?? (await readFile(join(FIXTURES, name))));
  return harness.core.api.audio.inspect({ file: { via: 'path', path } });
}

const demoSim = (): Simulator => {
  const sim = harness.core.demoSimulator();
  if (!sim) throw new Error('no demo simulator');
  return sim;
};

async function settle(record: GenerationRecord | undefined): Promise<GenerationRecord> {
  await harness.waitForState(record?.id ?? '', ['done'], 15_000);
  const stored = await harness.core.api.generations.get({ id: record?.id ?? '' });
  if (!stored) throw new Error('generation vanished');
  return stored;
}

async function failureOf(run: () => unknown): Promise<{ kind: string; message: string }> {
  try {
    await run();
  } catch (error) {
    if (isStudioApiError(error)) return { kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

async function libraryFile(relPath: string | null | undefined): Promise<string> {
  return join((await harness.core.api.app.info()).libraryRoot, ...(relPath ?? '').split('/'));
}

describe('audio-driven generation', () => {
  it('in demo mode: the audio is kept by hash, served over loopback, and the video has sound', async () => {
    const api = await start();
    const audio = await dropAudio('voice-4s.wav');
    expect(audio).toMatchObject({ status: 'ready', format: 'wav', durationMs: 4000, bytes: 64044 });
    expect(audio.relPath).toBe(`references/${audio.sha256?.slice(0, 2)}/${audio.sha256}.wav`);

    const [created] = await api.generations.create({ params: VOICE, audio: audio.sha256 ?? '' });
    expect(created).toMatchObject({
      model: 'wan-2-5-video',
      audioSource: 'hosted',
      referenceAudioPath: audio.relPath,
    });
    const done = await settle(created);
    expect(done.params.audioUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/references\//);
    expect(done.params.model).toBe('wan-2-5-video');
    const task = demoSim().tasks()[0];
    expect(task?.audioCheck).toBe('ok');
    expect(task?.params).toMatchObject({ model: 'wan-2-5-video', resolution: '480p', aspectRatio: '9:16' });
    expect(streamTypes(await libraryFile(done.video?.relPath))).toContain('audio');
    // Kept byte for byte; the same audio dropped again is the same stored file.
    const kept = await readFile(await libraryFile(done.referenceAudioPath));
    expect(kept.equals(await readFile(join(FIXTURES, 'voice-4s.wav')))).toBe(true);
    expect((await dropAudio('voice-4s.wav')).sha256).toBe(audio.sha256);
    // The library shows and filters by model.
    expect((await api.library.query({ model: 'wan-2-5-video' })).total).toBe(1);
    expect((await api.library.query({ model: 'wan-2-5' })).total).toBe(0);
  });

  it('through the local S3 server: uploaded, presigned, fetched by the simulator', async () => {
    const api = await start();
    await api.settings.update({ imageHosting: s3.settings() });
    await api.hosting.setCredentials({ ...S3_CREDENTIALS, where: 'session' });
    const audio = await dropAudio('music-12s.mp3');
    expect(audio).toMatchObject({ status: 'ready', format: 'mp3' });
    expect(s3.requests).toHaveLength(0);

    const [created] = await api.generations.create({
      params: { ...VOICE, resolution: '720p', aspectRatio: '4:3' },
      audio: audio.sha256 ?? '',
    });
    const done = await settle(created);
    const key = `/wan-refs/wan-studio/${audio.sha256}.mp3`;
    expect(done.params.audioUrl).toMatch(new RegExp(`^${s3.url}${key}\\?.*X-Amz-Signature=`));
    expect(done.audioUrlExpiresAt).toBeGreaterThan(done.submittedAt ?? 0);
    expect(s3.requests.filter((request) => request.path === key).map((request) => request.method)).toEqual([
      'PUT',
      'GET',
    ]);
    expect(demoSim().tasks()[0]?.audioCheck).toBe('ok');
    expect(streamTypes(await libraryFile(done.video?.relPath))).toContain('audio');
  });

  it('the uploaded audio is deleted once the task is finished, when asked to', async () => {
    const api = await start();
    await api.settings.update({ imageHosting: s3.settings({ deleteAfterTask: true }) });
    await api.hosting.setCredentials({ ...S3_CREDENTIALS, where: 'session' });
    const audio = await dropAudio('voice-4s.wav');
    const [created] = await api.generations.create({ params: VOICE, audio: audio.sha256 ?? '' });
    await settle(created);
    const key = `/wan-refs/wan-studio/${audio.sha256}.wav`;
    await expect
      .poll(() => s3.requests.filter((request) => request.path === key).map((request) => request.method))
      .toEqual(['PUT', 'GET', 'DELETE']);
  });

  it('a public audio link is checked, kept, and sent as it is', async () => {
    const site = await startLocalServer((_req, res) => {
      void readFile(join(FIXTURES, 'vbr-6s.mp3')).then((bytes) => res.end(bytes));
    });
    try {
      const api = await start();
      const [created] = await api.generations.create({
        params: { ...VOICE, audioUrl: `${site.url}/song.mp3` },
      });
      expect(created).toMatchObject({ audioSource: 'url', params: { audioUrl: `${site.url}/song.mp3` } });
      expect(created?.referenceAudioPath).toMatch(/^references\/.+\.mp3$/);
      await settle(created);
    } finally {
      await site.close();
    }
  });
});

describe('bad audio is refused before anything is sent', () => {
  const sentNothing = async () => {
    expect(harness.sim.stats.submitsAccepted + harness.sim.stats.submitsRejected).toBe(0);
    expect(demoSim().stats.submitsAccepted + demoSim().stats.submitsRejected).toBe(0);
    expect((await harness.core.api.library.query({})).total).toBe(0);
  };

  it.each([
    ['not-audio.wav', 'unsupported', 'This is not WAV or MP3 audio. Save it as .wav or .mp3.'],
    ['short-2s.wav', 'too_short', 'The audio is 2.0 s long; it must be at least 3 s.'],
    ['long-31s.mp3', 'too_long', /^The audio is 31\.\d s long; at most 30 s is accepted\. Trim it first\.$/],
  ])('%s → %s', async (name, problem, message) => {
    const api = await start();
    const inspection = await dropAudio(name);
    expect(inspection).toMatchObject({ status: 'refused', problem, sha256: null });
    expect(inspection.message).toMatch(message);
    await sentNothing();
    void api;
  });

  it('16 MB is refused by its size, without being read', async () => {
    await start();
    const failure = await failureOf(() => dropAudio('big.wav', new Uint8Array(16 * 1024 * 1024)));
    expect(failure).toEqual({
      kind: 'invalid_audio',
      message: 'big.wav is 16.0 MB; audio up to 15 MB is accepted.',
    });
    await sentNothing();
  });

  it('an audio that is not ready cannot be named in generations.create', async () => {
    const api = await start();
    const failure = await failureOf(() => api.generations.create({ params: VOICE, audio: 'a'.repeat(64) }));
    expect(failure.kind).toBe('invalid_audio');
    await sentNothing();
  });

  it('wan-2-5 takes no audio', async () => {
    const api = await start();
    const audio = await dropAudio('voice-4s.wav');
    const failure = await failureOf(() =>
      api.generations.create({
        params: { ...VOICE, model: 'wan-2-5', resolution: '720p' },
        audio: audio.sha256 ?? '',
      }),
    );
    expect(failure).toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/takes no audio/),
    });
    await sentNothing();
  });

  it('a link to a private address is refused for the real API (the demo simulator may use it)', async () => {
    const site = await startLocalServer((_req, res) => {
      void readFile(join(FIXTURES, 'voice-4s.wav')).then((bytes) => res.end(bytes));
    });
    try {
      const api = await start({ publicAddressPolicy: publicInternetOnly });
      await api.key.set({ key: 'sk-test-audio-links-0001', where: 'session' });
      const failure = await failureOf(() =>
        api.generations.create({ params: { ...VOICE, audioUrl: `${site.url}/voice.wav` } }),
      );
      expect(failure.kind).toBe('invalid_audio');
      expect(failure.message).toMatch(/The link's host 127\.0\.0\.1 is a private or local address/);
      expect(failure.message).not.toMatch(/\bimage\b/);
      expect(harness.sim.stats.submitsAccepted + harness.sim.stats.submitsRejected).toBe(0);
      expect(site.requests).toHaveLength(0);
    } finally {
      await site.close();
    }
  });
});
