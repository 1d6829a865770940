// `generate --wait` progress: the line itself as a pure function, then the real CLI in a real
// pseudo-terminal (util-linux `script`) where the line is drawn and redrawn, and in a pipe or with
// --json where it never appears.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProgressItem, renderProgressLine } from '../../main/cli/progress-line';
import { CLI, ensureCliBuilt, ROOT, runCli } from '../helpers/cli-process';

const item = (overrides: Partial<ProgressItem>): ProgressItem => ({
  state: 'running',
  submittedAt: 10_000,
  expectedMs: 60_000,
  download: null,
  ...overrides,
});

describe('the progress line', () => {
  it('shows the state, the time so far and about how long is left', () => {
    expect(renderProgressLine([item({})], 0, 30_000, 120)).toBe('running · 0:30 elapsed · about 0:40 left');
  });

  it('counts states across a batch, waits for the slowest and adds up the downloads', () => {
    const line = renderProgressLine(
      [
        item({ state: 'done' }),
        item({ state: 'downloading', download: { bytes: 2_500_000, total: 8_000_000 } }),
        item({ state: 'downloading', download: { bytes: 500_000, total: 2_000_000 } }),
        item({ state: 'queued', submittedAt: null }),
      ],
      0,
      75_000,
      200,
    );
    expect(line).toBe('1 done, 2 downloading, 1 queued · 1:15 elapsed · about 1:00 left · 3.0 MB of 10.0 MB');
  });

  it('says when it is taking longer than usual, and when the total size is unknown', () => {
    const line = renderProgressLine(
      [item({ state: 'downloading', download: { bytes: 1_200_000, total: null } })],
      0,
      3_725_000,
      200,
    );
    expect(line).toBe('downloading · 1:02:05 elapsed · taking longer than usual · 1.2 MB downloaded');
    const small = renderProgressLine(
      [item({ state: 'downloading', download: { bytes: 300, total: 48_000 } })],
      0,
      69_800,
      200,
    );
    expect(small).toBe('downloading · 1:10 elapsed · about 0:01 left · 0 kB of 48 kB');
  });

  it('never wraps: it is cut to the terminal width with an ellipsis', () => {
    const line = renderProgressLine([item({})], 0, 30_000, 20);
    expect(line).toHaveLength(19);
    expect(line.endsWith('…')).toBe(true);
  });
});

const GENERATE_AND_WAIT = ['generate', '--demo', '--prompt', 'a kite over dunes', '--wait'];
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('generate --wait in a terminal and in a pipe', () => {
  let dir = '';
  const env = { WAN_STUDIO_DEMO_TIME_SCALE: '0.02' };
  const common = () => ['--data', join(dir, 'data'), '--library', join(dir, 'library')];

  beforeAll(async () => {
    ensureCliBuilt();
    dir = await mkdtemp(join(tmpdir(), 'wan-cli-progress-'));
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Runs the CLI with stdout and stderr on a pseudo-terminal; returns everything it drew. */
  function inTerminal(args: string[]): Promise<{ code: number | null; output: string }> {
    const quoted = [process.execPath, CLI, ...args, ...common()].map(
      (arg) => `'${arg.replace(/'/g, "'\\''")}'`,
    );
    const child = spawn('script', ['-qfec', quoted.join(' '), '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, ...env, COLUMNS: '160' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
  }

  it.skipIf(!hasScript)(
    'draws one updating line on a terminal, then erases it for the result',
    async () => {
      const { code, output } = await inTerminal(GENERATE_AND_WAIT);
      expect(code, output).toBe(0);
      const frames = output.split('\r\x1b[K').filter((frame) => frame.includes('elapsed'));
      expect(frames.length, output).toBeGreaterThan(1);
      expect(
        frames.some((frame) =>
          /^(queued|submitting|pending|processing|downloading) · \d+:\d\d elapsed/.test(frame),
        ),
      ).toBe(true);
      // The result comes after the erased line, on a line of its own, and no state-change lines.
      expect(output.split('\r\x1b[K').at(-1)).toMatch(/^[^\r]*\.mp4\s*$/);
      expect(output).not.toMatch(/^\S+ {2}(pending|processing)\r?$/m);
    },
    90_000,
  );

  it.skipIf(!hasScript)(
    'stays quiet with --json, even on a terminal',
    async () => {
      const { code, output } = await inTerminal([...GENERATE_AND_WAIT, '--json']);
      expect(code, output).toBe(0);
      expect(output).not.toContain('elapsed');
      expect(output).not.toContain('\x1b[K');
    },
    90_000,
  );

  it('draws no progress line when stdout is not a terminal', async () => {
    const cli = runCli([...GENERATE_AND_WAIT, ...common()], env);
    expect(await cli.exited, cli.output()).toBe(0);
    expect(cli.output()).not.toContain('elapsed');
    expect(cli.output()).not.toContain('\x1b[K');
    expect(cli.output()).toMatch(/\.mp4\s*$/);
  }, 90_000);
});
