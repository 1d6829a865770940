// 8. A busy queue. The browser host with 200 demo generations running (the simulator at real
// timings, so none finishes during the window), the Queue view open in Debian's Chromium. Over a
// fixed window: the renderer's time in long tasks (> 50 ms) as a share of the window, and the
// host's event-loop delay p99 (it serves the polls, the pushes and the socket), beyond the
// histogram's own 5 ms sampling interval (rounds before 2026-12-01 reported it with the 5 ms in).
//
//   node bench/run.mjs busy [--jobs 200] [--seconds 16] [--profile FILE.cpuprofile]
// --profile records a CPU profile of this process (host and the bench's driver) over the window only.
// The same window is measured in an idle Node process as a reference: on a loaded machine the
// scheduler alone delays an event loop by several ms, whatever the loop has to do.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startDemoStudio } from './lib/demo-studio';
import { installPageProbes } from './lib/page-probes';
import { check, writeResult } from './lib/report';
import { delayBeyondSampling, round } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const JOBS = arg('--jobs', 200);
const profileIndex = process.argv.indexOf('--profile');
const PROFILE = profileIndex >= 0 ? process.argv[profileIndex + 1] : undefined;
const SECONDS = arg('--seconds', 16);
// Real timings: a 720p clip takes about a minute, so all of them stay active through the window.
const studio = await startDemoStudio('busy', { timeScale: 1, balanceUsd: 1_000_000 });
const { host, browser } = studio;
type Probe = { __longTasks: { start: number; duration: number }[] };

/** The histogram's sampling timer (the delay is what it records beyond this; see delayBeyondSampling). */
const LOOP_RESOLUTION_MS = 5;
const loopDelayMs = (recordedMs: number) => delayBeyondSampling(recordedMs, LOOP_RESOLUTION_MS);

/** p99 event-loop delay (ms) of a Node process with nothing to do, over `seconds`. */
function idleLoopDelayP99(seconds: number): Promise<number> {
  const script = `const h = require('node:perf_hooks').monitorEventLoopDelay({ resolution: ${LOOP_RESOLUTION_MS} }); h.enable();
    setTimeout(() => { h.disable(); process.stdout.write(String(h.percentile(99) / 1e6)); }, ${seconds * 1000});`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(loopDelayMs(Number(out))) : reject(new Error(`idle probe exit ${code}`)),
    );
  });
}

try {
  for (let queued = 0; queued < JOBS; queued += 20) {
    await host.core.api.generations.create({
      params: {
        mode: 'text-to-video',
        prompt: `a busy queue, clip ${queued}`,
        resolution: '720p',
        duration: 5,
        aspectRatio: '16:9',
        promptExpansion: false,
        provider: 'auto',
      },
      count: Math.min(20, JOBS - queued),
      seedMode: 'random',
      projectId: null,
    });
  }
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(installPageProbes);
  await page.goto(host.signInUrl());
  await page.getByTestId('nav-queue').click();
  await page.getByTestId('queue-item').first().waitFor();
  await page.waitForTimeout(2_000); // the first snapshot and its render are not the steady state
  const delay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const windowStart = await page.evaluate(() => performance.now());
  const profiler = PROFILE ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const idle = idleLoopDelayP99(SECONDS);
  // How much of the window the loop was running code at all (the scheduler cannot inflate it the
  // way it inflates a delay percentile), and the CPU the process used.
  const utilizationBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  delay.enable();
  await page.waitForTimeout(SECONDS * 1000);
  delay.disable();
  const utilization = performance.eventLoopUtilization(utilizationBefore).utilization;
  const cpu = process.cpuUsage(cpuBefore);
  const idleP99 = await idle;
  if (profiler && PROFILE) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(PROFILE, JSON.stringify(profile));
    profiler.disconnect();
  }
  const windowEnd = await page.evaluate(() => performance.now());
  const active = (await host.core.api.queue.snapshot()).active.length;
  const tasks = (await page.evaluate(() => (window as unknown as Probe).__longTasks)).filter(
    (task) => task.start >= windowStart && task.start <= windowEnd,
  );
  const busyMs = tasks.reduce((sum, task) => sum + task.duration, 0);
  const share = busyMs / (windowEnd - windowStart);
  const p99 = loopDelayMs(delay.percentile(99) / 1e6);
  await context.close();
  writeResult({
    name: 'busy',
    title: `Busy queue: ${JOBS} demo jobs running, Queue open, ${SECONDS} s window`,
    headlines: [
      check('renderer time in long tasks (% of window)', round(share * 100, 1), '< 5', share < 0.05),
      check(
        'long tasks in the window (count / longest ms)',
        `${tasks.length} / ${round(Math.max(0, ...tasks.map((t) => t.duration)), 0)}`,
        '',
        null,
      ),
      check('host event-loop delay p99 (ms)', round(p99, 1), '< 5', p99 < 5),
      check('an idle Node process, same window: event-loop delay p99 (ms)', round(idleP99, 1), '', null),
      check('host p99 − the idle process p99 (ms)', round(p99 - idleP99, 1), '', null),
      check(
        'host event loop busy (% of window; includes the bench driving Chromium)',
        round(utilization * 100, 1),
        '',
        null,
      ),
      check(
        'host process CPU (% of one core)',
        round(((cpu.user + cpu.system) / 1000 / (SECONDS * 1000)) * 100, 1),
        '',
        null,
      ),
      check('jobs still active at the end', active, `${JOBS}`, active === JOBS),
    ],
    details: { busyMs: round(busyMs, 0), windowMs: round(windowEnd - windowStart, 0), tasks },
    setup: { jobs: JOBS, seconds: SECONDS, timeScale: 1 },
  });
} finally {
  await studio.close();
}
