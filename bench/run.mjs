// `npm run bench [names…] [-- bench options]`: runs the TypeScript benchmarks one after another,
// each in its own Node process (Node 22 strips the types; the hook resolves our extensionless
// imports), then gathers bench/results/<name>.json into bench/results/latest.md.
//
//   npm run bench                      all of them
//   npm run bench polling downloads    some
//   npm run bench scale -- --speedup 5   options (after the names) go to every selected bench
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench', 'results');
const BENCHES = {
  polling: 'bench/polling.ts',
  scale: 'bench/scale.ts',
  downloads: 'bench/downloads.ts',
  library: 'bench/library-query.ts',
  million: ['bench/library-query.ts', '--rows', '1000000'],
  ui: 'bench/ui.ts',
  cli: 'bench/cli-start.ts',
  bundle: 'bench/bundle.ts',
  busy: 'bench/busy-queue.ts',
  cold: 'bench/cold-start.ts',
  ttv: 'bench/time-to-video.ts',
  sequence: 'bench/sequence.ts',
  frames: 'bench/frames.ts',
};
const NODE_FLAGS = [
  '--experimental-transform-types',
  '--no-warnings',
  '--import',
  join(ROOT, 'test', 'core', 'secrets', 'fixtures', 'resolve-ts.mjs'),
];

// A bench is its script, or its script and fixed options (million is library at 1 000 000 rows).
// Names first, then options for the benches (npm swallows one `--`, so accept both forms).
const args = process.argv
  .slice(2)
  .filter((arg, index, all) => !(arg === '--' && index === all.indexOf('--')));
const firstOption = args.findIndex((arg) => arg.startsWith('-'));
const names = firstOption >= 0 ? args.slice(0, firstOption) : args;
const passThrough = firstOption >= 0 ? args.slice(firstOption) : [];
const unknown = names.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`,
  );
  process.exit(2);
}
const selected = names.length > 0 ? names : Object.keys(BENCHES);

if (
  (selected.includes('ui') || selected.includes('sequence') || selected.includes('frames')) &&
  !existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))
) {
  console.log('building the renderer (dist/renderer is missing)…');
  const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const startedAt = new Date();
const loadBefore = loadavg()[0];
const timings = {};
let failed = false;
for (const name of selected) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const [script, ...fixed] = [BENCHES[name]].flat();
  const run = spawnSync(process.execPath, [...NODE_FLAGS, script, ...fixed, ...passThrough], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  timings[name] = Math.round((Date.now() - started) / 1000);
  if (run.status !== 0) {
    console.error(`${name} failed (exit ${run.status})`);
    failed = true;
  }
}

writeSummary();
process.exit(failed ? 1 : 0);

function writeSummary() {
  const sections = [];
  for (const name of Object.keys(BENCHES)) {
    const file = join(RESULTS, `${name}.json`);
    if (!existsSync(file)) continue;
    const result = JSON.parse(readFileSync(file, 'utf8'));
    const rows = result.headlines.map(
      (h) =>
        `| ${h.metric} | ${h.value} | ${h.target || '—'} | ${h.met === null ? '—' : h.met ? 'yes' : '**no**'} |`,
    );
    sections.push(
      [
        `### ${result.title}`,
        '',
        `Run ${result.at.slice(0, 16).replace('T', ' ')} UTC; setup ${JSON.stringify(result.setup)}`,
        '',
        '| metric | value | target | met |',
        '|---|---|---|---|',
        ...rows,
      ].join('\n'),
    );
  }
  const header = [
    '# Benchmark results',
    '',
    `Made by \`npm run bench\` (bench/run.mjs). Last run started ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `on ${cpus().length}× ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; 1-minute load average`,
    `${loadBefore.toFixed(1)} when it started (the machine is shared, so absolute times vary; ratios and`,
    'counts are what to compare). Per-benchmark JSON with every sample summary: bench/results/<name>.json',
    '(not committed).',
    '',
    `Wall time this run: ${Object.entries(timings)
      .map(([name, seconds]) => `${name} ${seconds} s`)
      .join(', ')}.`,
  ].join('\n');
  writeFileSync(join(RESULTS, 'latest.md'), `${header}\n\n${sections.join('\n\n')}\n`);
  console.log(`\nsummary → ${join(RESULTS, 'latest.md')}`);
}
