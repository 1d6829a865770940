// 2. Scale. 1500 generations at once: 1000 remote tasks in flight (APIXO's concurrency limit) and
// 500 waiting for a slot, against a simulator (in its own process) that enforces 10 000 requests
// per minute and 1000 concurrent tasks. The engine's process measures its own main-thread
// event-loop delay and CPU time.
//
// It runs in real time by default (about three minutes): compressing time by N also packs N times
// the work into each real second, which is what the event-loop delay would then measure.
//
//   node bench/run.mjs scale [--speedup 1] [--remote 1000] [--queued 500]
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MIXES, params, startEngineRun } from './lib/engine-run';
import { check, table, writeResult } from './lib/report';
import { delayBeyondSampling, round } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const SPEEDUP = arg('--speedup', 1);
const REMOTE = arg('--remote', 1000);
const QUEUED = arg('--queued', 500);
const TOTAL = REMOTE + QUEUED;
/** What the UI sends at most per click; a user queueing 1500 clicks many times. */
const CHUNK = 20;

const run = await startEngineRun({
  speedup: SPEEDUP,
  sim: {
    seed: 5,
    apiKeys: 'any',
    balanceUsd: 1_000_000,
    requestsPerMinute: 10_000,
    maxConcurrentTasks: REMOTE,
  },
});
const RESOLUTION_MS = 10;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
// The histogram holds whole intervals between samples; the delay is what exceeds the interval.
const delayMs = (nanoseconds: number) => round(delayBeyondSampling(nanoseconds / 1e6, RESOLUTION_MS));
const cpuBefore = process.cpuUsage();
const started = Date.now();
const simStarted = run.clock.now();
delay.enable();
async function measure() {
  const ids: string[] = [];
  for (let index = 0; index < TOTAL; index += CHUNK) {
    const mix = MIXES[(index / CHUNK) % MIXES.length] ?? MIXES[0];
    if (!mix) throw new Error('no mixes');
    const count = Math.min(CHUNK, TOTAL - index);
    for (const record of run.enqueue(params(mix.resolution, mix.duration, `scale batch ${index}`), count))
      ids.push(record.id);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await run.waitSettled(ids, 30 * 60_000);
  delay.disable();
  const cpu = process.cpuUsage(cpuBefore);
  const records = run.records(ids);
  const stats = await run.sim.stats();
  return {
    jobs: TOTAL,
    done: records.filter((record) => record.state === 'done').length,
    rateLimited: stats.rateLimited,
    peakRequestsPerMinute: stats.peakRequestsPerMinute,
    peakConcurrentTasks: stats.peakConcurrentTasks,
    apiRequests: stats.statusQueries + stats.submitsAccepted + stats.submitsRejected,
    statusQueries: stats.statusQueries,
    eventLoopP50Ms: delayMs(delay.percentile(50)),
    eventLoopP99Ms: delayMs(delay.percentile(99)),
    eventLoopMaxMs: delayMs(delay.max),
    cpuMsPerJob: round((cpu.user + cpu.system) / 1000 / TOTAL),
    wallSeconds: round((Date.now() - started) / 1000, 1),
    simulatedMinutes: round((run.clock.now() - simStarted) / 60_000),
  };
}

let result: Awaited<ReturnType<typeof measure>>;
try {
  result = await measure();
} finally {
  await run.close();
}

console.log(table(Object.keys(result), [Object.values(result)]));
writeResult({
  name: 'scale',
  title: `Scale: ${REMOTE} remote tasks + ${QUEUED} queued against a limit-enforcing simulator`,
  headlines: [
    check('429 answers received', result.rateLimited, '0', result.rateLimited === 0),
    check('jobs completed', `${result.done}/${result.jobs}`, 'all', result.done === result.jobs),
    check(
      'peak concurrent remote tasks',
      result.peakConcurrentTasks,
      `≤ ${REMOTE}`,
      result.peakConcurrentTasks <= REMOTE,
    ),
    check(
      'peak requests / minute (simulated)',
      result.peakRequestsPerMinute,
      '≤ 10 000',
      result.peakRequestsPerMinute <= 10_000,
    ),
    check('main-thread event-loop delay p99 (ms)', result.eventLoopP99Ms, '< 20', result.eventLoopP99Ms < 20),
    check('CPU time per job (ms)', result.cpuMsPerJob, '', null),
  ],
  details: result,
  setup: { speedup: SPEEDUP, remote: REMOTE, queued: QUEUED, enqueueChunk: CHUNK },
});
