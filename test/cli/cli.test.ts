// The wan-studio command as a user runs it: a separate process on the built CLI.

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../main/demo/simulator';
import { ensureCliBuilt, runCli } from '../helpers/cli-process';

let dir = '';
const env = { WAN_STUDIO_DEMO_TIME_SCALE: '0.02' };
const common = () => ['--data', join(dir, 'data'), '--library', join(dir, 'library')];

beforeAll(async () => {
  ensureCliBuilt();
  dir = await mkdtemp(join(tmpdir(), 'wan-cli-'));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(args: string[], extraEnv: Record<string, string> = {}) {
  const cli = runCli([...args, ...common()], { ...env, ...extraEnv });
  const code = await cli.exited;
  return { code, output: cli.output() };
}

describe('wan-studio CLI', () => {
  let generatedId = '';

  it('generate --demo --wait --json puts a verified video in the library', async () => {
    const { code, output } = await run([
      'generate',
      '--demo',
      '--prompt',
      'a hot air balloon over canyons',
      '--seed',
      '42',
      '--wait',
      '--json',
    ]);
    expect(code, output).toBe(0);
    const result = JSON.parse(output.slice(output.indexOf('{')));
    expect(result).toMatchObject({ state: 'done', seed: 42, prompt: 'a hot air balloon over canyons' });
    expect(result.taskId).toMatch(/^task_/);
    const bytes = await readFile(result.filePath);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(result.sha256);
    generatedId = result.id;
  }, 60_000);

  it('status, list and search find it', async () => {
    const status = await run(['status', generatedId, '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.output)).toMatchObject({ id: generatedId, state: 'done' });
    const list = await run(['list']);
    expect(list.output).toContain(generatedId);
    const search = await run(['search', 'balloon', '--json']);
    expect(JSON.parse(search.output).items.map((item: { id: string }) => item.id)).toContain(generatedId);
    const none = await run(['search', 'submarine']);
    expect(none.output.trim()).toBe('Nothing found.');
  }, 60_000);

  it('import adds an existing MP4 and skips a duplicate and a non-video', async () => {
    const clip = join(import.meta.dirname, '../fixtures/media');
    const { readdir } = await import('node:fs/promises');
    const mp4 = (await readdir(clip)).find((name) => name.endsWith('.mp4')) ?? '';
    const first = await run(['import', join(clip, mp4), '--json']);
    expect(first.code, first.output).toBe(0);
    expect(JSON.parse(first.output).imported).toBe(1);
    const again = await run([
      'import',
      join(clip, mp4),
      join(import.meta.dirname, '../fixtures/images/still-80x64.png'),
      '--json',
    ]);
    const result = JSON.parse(again.output);
    expect(result.imported).toBe(0);
    expect(result.skipped).toHaveLength(2);
  }, 60_000);

  it('bad input: a non-zero exit and one clear line, nothing sent', async () => {
    const cases: [string[], RegExp][] = [
      [['generate', '--demo', '--prompt', 'x'.repeat(801)], /at most 800 characters/],
      [['generate', '--demo', '--prompt', 'ok', '--duration', '7'], /Duration must be 5 or 10/],
      [['generate', '--demo', '--prompt', 'ok', '--seed', '-3'], /seed/],
      [['generate', '--demo', '--prompt', 'ok', '--image-url', 'ftp://x/y.png'], /http\(s\) URL/],
      [['generate', '--demo'], /needs --prompt/],
      [
        ['generate', '--demo', '--prompt', 'ok', '--image', join(dir, 'missing.png')],
        /cannot read the image file/,
      ],
      [
        [
          'generate',
          '--demo',
          '--prompt',
          'ok',
          '--image',
          join(import.meta.dirname, '../fixtures/images/small-40x30.png'),
        ],
        /too small: 40×30 pixels/,
      ],
      [['status', 'no-such-id'], /No generation/],
      [['frobnicate'], /unknown command/],
      [['generate', '--bogus'], /^wan-studio: unknown option --bogus \(see wan-studio --help\)$/m],
      [['generate', '--promt', 'x'], /unknown option --promt \(did you mean --prompt\?\)/],
      [['generate', '--prompt', '--wait'], /--prompt needs a value/],
    ];
    for (const [args, message] of cases) {
      const { code, output } = await run(args);
      expect(code, args.join(' ')).toBe(1);
      expect(output.trim().split('\n')).toHaveLength(1);
      expect(output).toMatch(message);
    }
  }, 60_000);

  it('a local image: fine in demo mode (no hosting needed), refused for APIXO until hosting is set up', async () => {
    const image = join(import.meta.dirname, '../fixtures/images/still-80x64.png');
    const demo = await run([
      'generate',
      '--demo',
      '--prompt',
      'slow zoom in',
      '--image',
      image,
      '--wait',
      '--json',
    ]);
    expect(demo.code, demo.output).toBe(0);
    expect(JSON.parse(demo.output.slice(demo.output.indexOf('{')))).toMatchObject({ state: 'done' });

    const real = await run(['generate', '--prompt', 'slow zoom in', '--image', image], {
      APIXO_API_KEY: 'sk-cli-real-key-0001',
    });
    expect(real.code).toBe(1);
    expect(real.output.trim().split('\n')).toHaveLength(1);
    expect(real.output).toMatch(/Set up image hosting in Settings → Image hosting/);
  }, 60_000);

  it('balance in demo mode, and key status without a key', async () => {
    const balance = await run(['balance', '--demo', '--json']);
    expect(balance.code, balance.output).toBe(0);
    expect(JSON.parse(balance.output)).toMatchObject({ demo: true, usd: expect.any(Number) });
    const status = await run(['key', 'status', '--json'], { WAN_STUDIO_TEST_KEYRING: '' });
    expect(JSON.parse(status.output).set).toBe(false);
  }, 60_000);

  it('the key comes from APIXO_API_KEY and is reported by its last four characters only', async () => {
    const { code, output } = await run(['key', 'status'], { APIXO_API_KEY: 'sk-env-key-abcdef-9876' });
    expect(code).toBe(0);
    expect(output).toContain('9876');
    expect(output).not.toContain('abcdef');
  }, 60_000);
});

describe('wan-studio CLI against APIXO on loopback: the contract guards every paid request', () => {
  const KEY = 'sk-cli-door-0001';
  let sim: Simulator;
  const submitsSeen = () => sim.stats.submitsAccepted + sim.stats.submitsRejected;

  // No balance: anything that reached APIXO would be refused there, and counted.
  beforeAll(async () => {
    sim = await startSimulator({ apiKeys: [KEY], balanceUsd: 0 });
  });
  afterAll(() => sim?.close());

  async function runOnSim(args: string[]) {
    const cli = runCli(
      [
        ...args,
        '--data',
        join(dir, 'sim-data'),
        '--library',
        join(dir, 'sim-library'),
        '--base-url',
        `${sim.url}/api/v1`,
      ],
      { ...env, APIXO_API_KEY: KEY },
    );
    // A CLI that sends what it should refuse can be busy for minutes: stop it, and fail on its exit code.
    const runaway = setTimeout(() => cli.child.kill('SIGKILL'), 45_000);
    const code = await cli.exited.finally(() => clearTimeout(runaway));
    return { code, output: cli.output() };
  }

  it('out-of-range input is refused in the schema’s words, with a non-zero exit, and nothing is sent', async () => {
    const image = join(import.meta.dirname, '../fixtures/images/still-80x64.png');
    const cases: [string[], RegExp][] = [
      [['--count', '1000'], /count: Too big: expected number to be <=20/],
      [['--count', '0'], /count: Too small: expected number to be >=1/],
      [['--duration', '7'], /duration: Duration must be 5 or 10 seconds/],
      [['--resolution', '4k'], /resolution: Invalid option/],
      [['--prompt', 'y'.repeat(900)], /prompt: Prompt must be at most 800 characters/],
      [
        ['--image', image, '--image', image, '--count', '15'],
        /A batch is at most 20 videos: 2 images × 15 variations make 30/,
      ],
    ];
    for (const [extra, message] of cases) {
      const { code, output } = await runOnSim(['generate', '--prompt', 'a quiet harbour at dawn', ...extra]);
      expect(code, extra.join(' ')).toBe(1);
      expect(output.trim().split('\n'), output).toHaveLength(1);
      expect(output).toMatch(message);
      expect(submitsSeen(), extra.join(' ')).toBe(0);
    }
    const list = await runOnSim(['list', '--json']);
    expect(JSON.parse(list.output).total).toBe(0);
  }, 120_000);

  it('without --wait, a job that failed before the command returned makes it exit non-zero with its reason', async () => {
    const before = submitsSeen();
    const { code, output } = await runOnSim(['generate', '--prompt', 'a red kite over the moor']);
    expect(submitsSeen() - before).toBe(1);
    expect(code, output).toBe(1);
    expect(output).toMatch(/wan-studio: failed: Insufficient credits/);
  }, 60_000);
});
