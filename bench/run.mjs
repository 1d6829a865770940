// `npm run bench [names…] [-- bench options]`: runs the TypeScript benchmarks one after another,
// each in its own Node process (Node 22 strips the types; the hook resolves our extensionless
// imports), then gathers bench/results/<name>.json into bench/results/latest.md.
//
//   npm run bench                      all of them
//   npm run bench polling downloads    some
//   npm run bench scale -- --speedup 5   options (after the names) go to every selected bench
//   npm run bench cold ui -- --repeat 3  each selected bench three times, one after another; the
//                                         summary shows every headline's min / median / max
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
const options = firstOption >= 0 ? args.slice(firstOption) : [];
// --repeat is ours; everything else goes to the benches.
const repeatAt = options.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Number(options[repeatAt + 1]) : 1;
if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) {
  console.error('--repeat takes a whole number of runs from 1 to 20');
  process.exit(2);
}
const passThrough = repeatAt >= 0 ? options.toSpliced(repeatAt, 2) : options;
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
/** name → the result JSON of each run made now, in order. */
const runs = {};
let failed = false;
for (const name of selected) {
  const started = Date.now();
  runs[name] = [];
  for (let round = 1; round <= repeat; round++) {
    console.log(`\n=== ${name}${repeat > 1 ? ` (run ${round} of ${repeat})` : ''} ===`);
    const [script, ...fixed] = [BENCHES[name]].flat();
    const run = spawnSync(process.execPath, [...NODE_FLAGS, script, ...fixed, ...passThrough], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (run.status !== 0) {
      console.error(`${name} failed (exit ${run.status})`);
      failed = true;
      break;
    }
    runs[name].push(JSON.parse(readFileSync(join(RESULTS, `${name}.json`), 'utf8')));
  }
  timings[name] = Math.round((Date.now() - started) / 1000);
}

writeSummary();
process.exit(failed ? 1 : 0);

function writeSummary() {
  const sections = [];
  for (const name of Object.keys(BENCHES)) {
    const file = join(RESULTS, `${name}.json`);
    const results = runs[name]?.length
      ? runs[name]
      : existsSync(file)
        ? [JSON.parse(readFileSync(file, 'utf8'))]
        : [];
    if (results.length === 0) continue;
    const result = results[0];
    const rows = result.headlines.map((h, index) => {
      const each = results.map((r) => r.headlines[index]).filter((x) => x?.metric === h.metric);
      return `| ${h.metric} | ${combinedValue(each)} | ${h.target || '—'} | ${combinedMet(each)} |`;
    });
    sections.push(
      [
        `### ${result.title}`,
        '',
        `Run ${result.at.slice(0, 16).replace('T', ' ')} UTC${results.length > 1 ? `, ${results.length} runs (min / median / max, or each run's value)` : ''}; setup ${JSON.stringify(result.setup)}`,
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

/** One run's value as is; several runs' numbers as min / median / max, anything else run by run. */
function combinedValue(headlines) {
  const values = headlines.map((h) => h.value);
  if (values.length === 1) return String(values[0]);
  if (values.every((v) => typeof v === 'number')) {
    const sorted = [...values].sort((a, b) => a - b);
    return `${sorted[0]} / ${sorted[Math.floor(sorted.length / 2)]} / ${sorted.at(-1)}`;
  }
  return values.map(String).join(' · ');
}

function combinedMet(headlines) {
  if (headlines[0].met === null) return '—';
  const met = headlines.filter((h) => h.met).length;
  if (headlines.length === 1) return met ? 'yes' : '**no**';
  return met === headlines.length ? `yes (${met}/${met})` : `**no** (${met}/${headlines.length} runs)`;
}
