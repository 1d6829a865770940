// 6. CLI start-up: wall time of `node dist/node/cli.js --help` and `list` (an existing library, no
// engine) against a bare `node -e 0` measured interleaved in the same run, so machine load cancels
// out of the ratio. Absolute medians are printed too; the goal is ≤ 0.25 s on a quiet machine.
//
//   node bench/run.mjs cli [--runs N] [--compare OTHER/dist/node/cli.js]
// --compare also times another build's CLI (e.g. the base commit's) in the same interleaved runs.
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
const compareIndex = process.argv.indexOf('--compare');
const other = compareIndex >= 0 ? process.argv[compareIndex + 1] : undefined;

if (!existsSync(CLI)) {
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'node'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'wan-bench-cli-'));
const libraryArgs = ['--data', join(dir, 'data'), '--library', join(dir, 'library')];
// Its own library: an older build refuses a library a newer schema has migrated.
const otherLibraryArgs = ['--data', join(dir, 'other-data'), '--library', join(dir, 'other-library')];

function timed(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const taken = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return taken;
}

const cases: Record<string, string[]> = {
  bare: ['-e', '0'],
  help: [CLI, '--help'],
  list: [CLI, 'list', ...libraryArgs],
  ...(other ? { otherHelp: [other, '--help'], otherList: [other, 'list', ...otherLibraryArgs] } : {}),
};
try {
  // Creates the libraries and fills the compile cache, as any second run finds them.
  for (const name of ['list', 'otherList']) if (cases[name]) timed(cases[name]);
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(cases)) samples[name]?.push(timed(args));
  }
  const median = (name: string) => summarize(samples[name] ?? []).p50;
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
      ...(other
        ? [
            check("`list` ÷ the compared build's `list`", round(list / median('otherList'), 2), '', null),
            check("`--help` ÷ the compared build's `--help`", round(help / median('otherHelp'), 2), '', null),
          ]
        : []),
    ],
    details: { samplesMs: samples, bareMs: bare },
    setup: { runs, compare: other ?? null },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
