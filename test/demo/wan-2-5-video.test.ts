// The simulator's wan-2-5-video: its own limits and messages (from the capability table, checked
// on the wire body), status only under the model the task was submitted to, and results with an
// audio track when audio was given.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clipFile } from '../../main/demo/clips';
import { DEFAULT_MEDIA_DIR } from '../../main/demo/options';
import { type Simulator, startSimulator } from '../../main/demo/simulator';
import { FakeClock } from '../helpers/fake-clock';
import { streamTypes } from '../helpers/media-streams';
import { dataOf, download, KEY, startLocalServer, status, submit, textToVideo, until } from './sim-http';

const FIXTURES = join(import.meta.dirname, '../fixtures/audio');

/** The audio fixtures on a loopback server, as a public host would serve them. */
function serveFixtures() {
  return startLocalServer((req, res) => {
    readFile(join(FIXTURES, (req.url ?? '').replace(/^\//, '')))
      .then((bytes) => res.writeHead(200, { 'content-type': 'audio/wav' }).end(bytes))
      .catch(() => res.writeHead(404).end());
  });
}

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function start(clock = new FakeClock()): Promise<Simulator> {
  sim = await startSimulator({ clock });
  return sim;
}

const VIDEO = 'wan-2-5-video';
const AUDIO = 'https://example.com/voice.mp3';
const x = (n: number) => 'x'.repeat(n);

describe('wan-2-5-video submit validation', () => {
  it.each([
    // what differs from the text-to-video body, the answer's message ('' = accepted)
    [{ prompt: x(1500) }, ''],
    [{ prompt: x(1501) }, 'input.prompt must be at most 1500 characters'],
    [{ negative_prompt: x(500) }, ''],
    [{ negative_prompt: x(501) }, 'input.negative_prompt must be at most 500 characters'],
    [{ resolution: '480p' }, ''],
    [
      { resolution: '480p', aspect_ratio: '4:3' },
      'input.aspect_ratio must be one of: 16:9, 9:16, 1:1 at 480p',
    ],
    [{ resolution: '720p', aspect_ratio: '4:3' }, ''],
    [{ resolution: '1080p', aspect_ratio: '3:4' }, ''],
    [{ resolution: '1440p' }, 'input.resolution must be one of: 480p, 720p, 1080p'],
    [{ audio_urls: [AUDIO] }, ''],
    [{ audio_urls: [AUDIO, AUDIO] }, 'input.audio_urls must contain exactly 1 URL'],
    [{ audio_urls: ['file:///etc/passwd'] }, 'input.audio_urls[0] must be an http(s) URL'],
    [{ audio_urls: [] }, ''],
  ])('%j → %s', async (input, message) => {
    const s = await start();
    const answer = await submit(s, textToVideo(input), KEY, VIDEO);
    if (message === '') {
      expect(answer.status).toBe(200);
    } else {
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ code: 400, data: { error: message } });
    }
  });

  it('image-to-video may go without a prompt on wan-2-5-video, not on wan-2-5', async () => {
    const s = await start();
    const body = { input: { mode: 'image-to-video', image_urls: ['https://example.com/a.png'] } };
    expect((await submit(s, body, KEY, VIDEO)).status).toBe(200);
    const old = await submit(s, body, KEY, 'wan-2-5');
    expect(old.json).toMatchObject({ code: 400, data: { error: 'Missing required field: input.prompt' } });
  });

  it('wan-2-5 keeps its own limits: no audio, no 480p, no 4:3, prompt ≤ 800', async () => {
    const s = await start();
    const refused = async (input: Record<string, unknown>) =>
      dataOf(await submit(s, textToVideo(input), KEY, 'wan-2-5'));
    expect(await refused({ audio_urls: [AUDIO] })).toMatchObject({
      error: 'input.audio_urls is not supported by this model',
    });
    expect(await refused({ resolution: '480p' })).toMatchObject({
      error: 'input.resolution must be one of: 720p, 1080p',
    });
    expect(await refused({ aspect_ratio: '4:3' })).toMatchObject({
      error: 'input.aspect_ratio must be one of: 16:9, 9:16, 1:1 at 720p',
    });
    expect(await refused({ prompt: x(801) })).toMatchObject({
      error: 'input.prompt must be at most 800 characters',
    });
  });

  it('an unknown model is 404', async () => {
    const s = await start();
    const answer = await submit(s, textToVideo(), KEY, 'wan-2-6-video');
    expect(answer.status).toBe(404);
  });
});

describe('wan-2-5-video status and results', () => {
  it('answers status only under the model the task was submitted to', async () => {
    const s = await start();
    const taskId = String(dataOf(await submit(s, textToVideo(), KEY, VIDEO)).taskId);
    expect((await status(s, taskId, KEY, VIDEO)).status).toBe(200);
    const wrong = await status(s, taskId, KEY, 'wan-2-5');
    expect(wrong.status).toBe(404);
    expect(wrong.json).toMatchObject({ message: 'Task not found' });
  });

  it.each([
    [true, '4:3'],
    [false, '4:3'],
    [true, '16:9'],
  ] as const)('audio given: %s, %s → the clip with (or without) a sound track', async (withAudio, ratio) => {
    const clock = new FakeClock();
    const s = await start(clock);
    const audio = await serveFixtures();
    const input = {
      aspect_ratio: ratio,
      ...(withAudio ? { audio_urls: [`${audio.url}/voice-4s.wav`] } : {}),
    };
    await submit(s, textToVideo(input), KEY, VIDEO);
    await clock.advance(10_000);
    // The simulator fetches the audio over real sockets once the task leaves 'pending'.
    if (withAudio) await until(() => s.tasks()[0]?.audioCheck === 'ok');
    await clock.advance(70_000);
    const task = s.tasks()[0];
    if (!task?.resultUrl) throw new Error(`task did not finish: ${task?.state} ${task?.audioCheckDetail}`);
    if (withAudio) expect(task.audioCheckDetail).toBe('wav, 4000 ms, 64044 bytes');
    const answer = await download(task.resultUrl);
    const file = join(DEFAULT_MEDIA_DIR, clipFile(ratio, withAudio));
    expect(answer.bytes.equals(await readFile(file))).toBe(true);
    // ffprobe (Debian's ffmpeg) confirms what the file name promises.
    expect(streamTypes(file).includes('audio')).toBe(withAudio);
    await audio.close();
  });

  it.each([
    ['short-2s.wav', 'The audio is 2.0 s long; it must be at least 3 s.'],
    ['long-31s.mp3', /The audio is 31\.\d s long; at most 30 s is accepted/],
    ['not-audio.wav', 'This is not WAV or MP3 audio. Save it as .wav or .mp3.'],
  ])('audio the model cannot use (%s) fails the task with its reason', async (name, detail) => {
    const clock = new FakeClock();
    const s = await start(clock);
    const audio = await serveFixtures();
    await submit(s, textToVideo({ audio_urls: [`${audio.url}/${name}`] }), KEY, VIDEO);
    await clock.advance(10_000);
    await until(() => s.tasks()[0]?.audioCheck === 'failed');
    expect(s.tasks()[0]?.audioCheckDetail).toMatch(detail);
    const answer = dataOf(await status(s, s.tasks()[0]?.taskId ?? '', KEY, VIDEO));
    expect(answer).toMatchObject({ state: 'failed', failCode: 'INVALID_AUDIO_URL' });
    await audio.close();
  });
});
