// 9. Cold start: the browser host spawned as a user starts it (`node dist/node/host.js`, an empty
// library, demo mode) → the page interactive in Debian's Chromium (the navigation rendered and the
// first calls answered). Split into: loading the host's modules (`host.js --help` loads them and
// exits), spawn → the host printing its link (modules, settings, library open and migrations, the
// keychain probe, the HTTP server), and link → page interactive (the renderer's share). Chromium is
// launched first: a user's browser is already running. Needs `npm run build`.
//
//   node bench/run.mjs cold [--runs 3]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { check, table, writeResult } from './lib/report';
import { round, summarize } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = arg('--runs', 3);
const HOST = join(import.meta.dirname, '..', 'dist', 'node', 'host.js');

function modulesOnly(): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [HOST, '--help']);
  if (run.status !== 0) throw new Error(`host.js --help failed: ${run.stderr}`);
  return performance.now() - started;
}

/** Spawns the host on fresh folders; resolves with its sign-in link and when it was printed. */
function spawnHost(dir: string) {
  const started = performance.now();
  const env = { ...process.env };
  delete env.APIXO_API_KEY;
  const child = spawn(
    process.execPath,
    [HOST, '--demo', '--data', join(dir, 'data'), '--library', join(dir, 'library')],
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

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const chromiumVersion = browser.version();
const runs: { modulesMs: number; hostReadyMs: number; pageMs: number; totalMs: number }[] = [];
try {
  for (let index = 0; index < RUNS; index++) {
    const modulesMs = modulesOnly();
    const dir = mkdtempSync(join(tmpdir(), 'wan-bench-cold-'));
    const host = spawnHost(dir);
    try {
      const { url, readyMs } = await host.ready;
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const pageStarted = performance.now();
      await page.goto(url);
      await page.getByTestId('nav-library').waitFor();
      const done = performance.now();
      runs.push({
        modulesMs: round(modulesMs, 0),
        hostReadyMs: round(readyMs, 0),
        pageMs: round(done - pageStarted, 0),
        totalMs: round(done - host.started, 0),
      });
      await context.close();
    } finally {
      host.child.kill('SIGTERM');
      await new Promise((resolve) => host.child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
console.log(
  table(
    ['run', 'modules ms', 'spawn → link ms', 'link → interactive ms', 'total ms'],
    runs.map((r, i) => [i + 1, r.modulesMs, r.hostReadyMs, r.pageMs, r.totalMs]),
  ),
);
const total = summarize(runs.map((r) => r.totalMs));
const median = (key: keyof (typeof runs)[number]) => summarize(runs.map((r) => r[key])).p50;
writeResult({
  name: 'cold',
  title: `Cold start: browser host spawn → page interactive, empty library (${RUNS} runs)`,
  headlines: [
    check('spawn → page interactive, median (ms)', total.p50, '≤ 1500', total.p50 <= 1500),
    check('spawn → page interactive, slowest (ms)', total.max, '', null),
    check('of which: host modules loaded (host.js --help, ms, median)', median('modulesMs'), '', null),
    check('of which: spawn → link printed (ms, median)', median('hostReadyMs'), '', null),
    check('of which: link → page interactive (ms, median)', median('pageMs'), '', null),
  ],
  details: { runs },
  setup: { runs: RUNS, chromium: chromiumVersion },
});
