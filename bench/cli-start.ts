// 6. CLI start-up: wall time of `node dist/node/cli.js --help` and `list` (an existing library, no
// engine) against a bare `node -e 0` measured interleaved in the same run, so machine load cancels
// out of the ratio. Absolute medians are printed too; the goal is ≤ 0.25 s on a quiet machine.
//
//   node bench/run.mjs cli [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, writeResult } from './lib/report';
import { round, summarize } from './lib/stats';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'node', 'cli.js');
const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 15;

if (!existsSync(CLI)) {
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'node'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'wan-bench-cli-'));
const libraryArgs = ['--data', join(dir, 'data'), '--library', join(dir, 'library')];

function timed(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const taken = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return taken;
}

const cases = {
  bare: ['-e', '0'],
  help: [CLI, '--help'],
  list: [CLI, 'list', ...libraryArgs],
};
try {
  timed(cases.list); // creates the library and fills the compile cache, as any second run finds it
  const samples: Record<keyof typeof cases, number[]> = { bare: [], help: [], list: [] };
  for (let i = 0; i < runs; i++) {
    for (const name of Object.keys(cases) as (keyof typeof cases)[]) samples[name].push(timed(cases[name]));
  }
  const median = (name: keyof typeof cases) => summarize(samples[name]).p50;
  const bare = median('bare');
  const help = median('help');
  const list = median('list');
  // On a quiet machine bare Node starts in ~0.04 s; 0.25 s there is about 6× bare.
  writeResult({
    name: 'cli',
    title: 'CLI start-up (median of interleaved runs)',
    headlines: [
      check('`cli.js list` ÷ bare `node -e 0`', round(list / bare, 1), '≤ 6', list / bare <= 6),
      check('`cli.js --help` ÷ bare node', round(help / bare, 1), '≤ 2', help / bare <= 2),
      check('`cli.js list` median (s)', round(list / 1000, 3), '≤ 0.25 (quiet machine)', list <= 250),
      check('`cli.js --help` median (s)', round(help / 1000, 3), '≤ 0.25', help <= 250),
    ],
    details: { samplesMs: samples, bareMs: bare },
    setup: { runs },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
