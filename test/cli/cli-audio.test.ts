// `wan-studio generate --model wan-2-5-video --audio FILE|URL` as a user runs it (the built CLI).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../demo/sim-http';
import { ensureCliBuilt, runCli } from '../helpers/cli-process';
import { streamTypes } from '../helpers/media-streams';

const FIXTURES = join(import.meta.dirname, '../fixtures/audio');
let dir = '';
const env = { WAN_STUDIO_DEMO_TIME_SCALE: '0.02' };

beforeAll(async () => {
  ensureCliBuilt();
  dir = await mkdtemp(join(tmpdir(), 'wan-cli-audio-'));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const cli = runCli([...args, '--data', join(dir, 'data'), '--library', join(dir, 'library')], env);
  const code = await cli.exited;
  return { code, output: cli.output() };
}

const json = (output: string) => JSON.parse(output.slice(output.indexOf('{')));

describe('wan-studio generate --model wan-2-5-video --audio', () => {
  it('a file: checked, kept, the video is made to it and has sound', async () => {
    const { code, output } = await run([
      'generate',
      '--demo',
      '--model',
      'wan-2-5-video',
      '--audio',
      join(FIXTURES, 'voice-4s.wav'),
      '--prompt',
      'a narrator by a fireplace',
      '--resolution',
      '480p',
      '--wait',
      '--json',
    ]);
    expect(code, output).toBe(0);
    const result = json(output);
    expect(result).toMatchObject({ state: 'done', model: 'wan-2-5-video' });
    expect((await readFile(result.audioPath)).equals(await readFile(join(FIXTURES, 'voice-4s.wav')))).toBe(
      true,
    );
    expect(streamTypes(result.filePath)).toContain('audio');
  }, 60_000);

  it('a link: fetched and checked before sending', async () => {
    const site = await startLocalServer((_req, res) => {
      void readFile(join(FIXTURES, 'vbr-6s.mp3')).then((bytes) => res.end(bytes));
    });
    try {
      const { code, output } = await run([
        'generate',
        '--demo',
        '--model',
        'wan-2-5-video',
        '--audio',
        `${site.url}/song.mp3`,
        '--prompt',
        'dancers in a courtyard',
        '--wait',
        '--json',
      ]);
      expect(code, output).toBe(0);
      expect(json(output)).toMatchObject({ state: 'done', model: 'wan-2-5-video' });
      expect(site.requests.length).toBeGreaterThanOrEqual(1);
    } finally {
      await site.close();
    }
  }, 60_000);

  it.each([
    [['--audio', join(FIXTURES, 'short-2s.wav')], 'The audio is 2.0 s long; it must be at least 3 s.'],
    [['--audio', join(FIXTURES, 'not-audio.wav')], 'This is not WAV or MP3 audio.'],
    [
      ['--resolution', '480p', '--aspect-ratio', '4:3'],
      'Wan 2.5 Video at 480p takes aspect ratio 16:9, 9:16, 1:1',
    ],
  ])(
    'refuses %j before sending: %s',
    async (extra, message) => {
      const { code, output } = await run([
        'generate',
        '--demo',
        '--model',
        'wan-2-5-video',
        '--prompt',
        'x',
        ...extra,
      ]);
      expect(code).not.toBe(0);
      expect(output).toContain(message);
    },
    60_000,
  );

  it('refuses --audio with wan-2-5 and an unknown --model', async () => {
    const noAudio = await run([
      'generate',
      '--demo',
      '--prompt',
      'x',
      '--audio',
      join(FIXTURES, 'voice-4s.wav'),
    ]);
    expect(noAudio.code).not.toBe(0);
    expect(noAudio.output).toContain('This model takes no audio');
    const unknown = await run(['generate', '--demo', '--prompt', 'x', '--model', 'wan-3']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.output).toContain('unknown --model "wan-3" (known: wan-2-5, wan-2-5-video)');
  }, 60_000);
});
