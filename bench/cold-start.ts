// 9. Cold start: the browser host spawned as a user starts it (`node dist/node/host.js`, an empty
// library, demo mode) → the page interactive in Debian's Chromium (the navigation rendered and the
// first calls answered). Split into: loading the host's modules (a fresh Node importing the
// browser-host chunk, with the compile cache host.js enables), spawn → the host printing its link
// (modules, settings, library open and migrations, the HTTP server), and link → page interactive
// (serving the renderer, the socket handshake, the renderer's own start). Chromium is launched
// first: a user's browser is already running. Needs `npm run build`.
//
//   node bench/run.mjs cold [--runs 3] [--compare OTHER/dist/node/host.js]
// --compare spawns another build's host (e.g. the base commit's, with its own dist/renderer) in the
// same interleaved runs, so the machine's load cancels out of the ratio.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { check, table, writeResult } from './lib/report';
import { round, summarize } from './lib/stats';

const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const RUNS = Number(option('--runs') ?? 3);
const HOST = join(import.meta.dirname, '..', 'dist', 'node', 'host.js');
const OTHER = option('--compare');

/** A fresh Node loading what the host loads before it serves; older builds: `host.js --help`. */
function modulesOnly(host: string): number {
  const chunk = readdirSync(dirname(host)).find((name) => /^browser-host-.*\.js$/.test(name));
  const args = chunk
    ? [
        '--input-type=module',
        '-e',
        `import { enableCompileCache } from 'node:module'; enableCompileCache?.();
         await import(${JSON.stringify(pathToFileURL(join(dirname(host), chunk)).href)});`,
      ]
    : [host, '--help'];
  const started = performance.now();
  const run = spawnSync(process.execPath, args);
  if (run.status !== 0) throw new Error(`loading the host's modules failed: ${run.stderr}`);
  return performance.now() - started;
}

/** Spawns the host on fresh folders; resolves with its sign-in link and when it was printed. */
function spawnHost(host: string, dir: string) {
  const started = performance.now();
  const env = { ...process.env };
  delete env.APIXO_API_KEY;
  const child = spawn(
    process.execPath,
    [host, '--demo', '--data', join(dir, 'data'), '--library', join(dir, 'library')],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const ready = new Promise<{ url: string; readyMs: number }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /running at (\S+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], readyMs: performance.now() - started });
    });
    child.once('exit', (code) =>
      reject(new Error(`host exited (${code}) before printing its link: ${stderr}`)),
    );
  });
  return { child, started, ready };
}

interface Run {
  modulesMs: number;
  hostReadyMs: number;
  pageMs: number;
  totalMs: number;
}

async function coldStart(browser: Browser, host: string): Promise<Run> {
  const modulesMs = modulesOnly(host);
  const dir = mkdtempSync(join(tmpdir(), 'wan-bench-cold-'));
  // The tab exists before the host starts (opening one is the browser's cost, ~0.2-0.4 s here,
  // and a user's browser has its window open already); it has nothing cached.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const spawned = spawnHost(host, dir);
  try {
    const { url, readyMs } = await spawned.ready;
    const pageStarted = performance.now();
    await page.goto(url);
    await page.getByTestId('nav-library').waitFor();
    const done = performance.now();
    return {
      modulesMs: round(modulesMs, 0),
      hostReadyMs: round(readyMs, 0),
      pageMs: round(done - pageStarted, 0),
      totalMs: round(done - spawned.started, 0),
    };
  } finally {
    await context.close();
    spawned.child.kill('SIGTERM');
    await new Promise((resolve) => spawned.child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const chromiumVersion = browser.version();
const runs: Run[] = [];
const otherRuns: Run[] = [];
try {
  // One unmeasured start of each: the compile cache, the page cache and Chromium warm up, as they
  // are for a user who has run the studio before.
  await coldStart(browser, HOST);
  if (OTHER) await coldStart(browser, OTHER);
  for (let index = 0; index < RUNS; index++) {
    runs.push(await coldStart(browser, HOST));
    if (OTHER) otherRuns.push(await coldStart(browser, OTHER));
  }
} finally {
  await browser.close();
}
const rows = (label: string, list: Run[]) =>
  list.map((r, i) => [`${label} ${i + 1}`, r.modulesMs, r.hostReadyMs, r.pageMs, r.totalMs]);
console.log(
  table(
    ['run', 'modules ms', 'spawn → link ms', 'link → interactive ms', 'total ms'],
    [...rows('this', runs), ...rows('compared', otherRuns)],
  ),
);
/** "min / median / max" of one column. */
const spread = (list: Run[], key: keyof Run) => {
  const values = list.map((r) => r[key]);
  return `${Math.min(...values)} / ${summarize(values).p50} / ${Math.max(...values)}`;
};
const total = summarize(runs.map((r) => r.totalMs));
writeResult({
  name: 'cold',
  title: `Cold start: browser host spawn → page interactive, empty library (${RUNS} runs)`,
  headlines: [
    check('spawn → page interactive, median (ms)', total.p50, '≤ 1500', total.p50 <= 1500),
    check('spawn → page interactive, min / median / max (ms)', spread(runs, 'totalMs'), '', null),
    check('of which: host modules loaded (ms)', spread(runs, 'modulesMs'), '', null),
    check('of which: spawn → link printed (ms)', spread(runs, 'hostReadyMs'), '', null),
    check('of which: link → page interactive (ms)', spread(runs, 'pageMs'), '', null),
    ...(OTHER
      ? [
          check(
            "median ÷ the compared build's median",
            round(total.p50 / summarize(otherRuns.map((r) => r.totalMs)).p50, 2),
            '',
            null,
          ),
          check('compared build: total (ms)', spread(otherRuns, 'totalMs'), '', null),
          check('compared build: spawn → link (ms)', spread(otherRuns, 'hostReadyMs'), '', null),
          check('compared build: link → interactive (ms)', spread(otherRuns, 'pageMs'), '', null),
        ]
      : []),
  ],
  details: { runs, otherRuns },
  setup: { runs: RUNS, chromium: chromiumVersion, compare: OTHER ?? null },
});
