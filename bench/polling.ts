// 1. Polling efficiency. 200 mixed jobs (720p/1080p × 5/10 s) in simulated time, once with the
// documented strategy (first status query at 50 s, then every 5 s) and once with the project's
// planner after a warm-up batch has filled its history. Both runs use a simulator with the same
// seed, so they face the same generation times. Reports status requests per job and detection lag
// (remote completion → the engine knows), in simulated seconds.
//
//   node bench/run.mjs polling [--speedup 5] [--jobs 200]
import type { GenerationRecord } from '../main/core/library/types';
import { documentedPlanner } from './lib/documented-plan';
import {
  detectionTimes,
  type EngineRun,
  MIXES,
  params,
  startEngineRun,
  timesToVideo,
} from './lib/engine-run';
import { check, table, writeResult } from './lib/report';
import { round, summarize } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
// Low enough that real per-request overhead (a few ms) stays far below the 5 s intervals measured.
const SPEEDUP = arg('--speedup', 5);
const JOBS = arg('--jobs', 200);
const WARMUP_PER_MIX = 20; // costTimeHistory keeps the last 20 per resolution+duration
const SIM_SEED = 42;

async function batch(run: EngineRun, count: number, label: string): Promise<GenerationRecord[]> {
  const ids: string[] = [];
  // Interleaved, so the queue really is mixed in submit order.
  for (let index = 0; index < count; index++) {
    const mix = MIXES[index % MIXES.length] ?? MIXES[0];
    if (!mix) throw new Error('no mixes');
    const [record] = run.enqueue(params(mix.resolution, mix.duration, `${label} job ${index}`), 1);
    if (record) ids.push(record.id);
  }
  return run.settle(ids, 600_000);
}

interface StrategyResult {
  strategy: string;
  jobs: number;
  done: number;
  statusQueries: number;
  requestsPerJob: number;
  lagP50s: number;
  lagP95s: number;
  lagMeanS: number;
  /** Task success known → clip in the library, real ms (clock ms ÷ speedup). */
  ttvP50ms: number;
  ttvP95ms: number;
  byResolution: Record<string, { requestsPerJob: number; lagP50s: number }>;
}

async function measure(strategy: 'documented' | 'learned'): Promise<StrategyResult> {
  const run = await startEngineRun({
    speedup: SPEEDUP,
    sim: { seed: SIM_SEED, apiKeys: 'any', balanceUsd: 1_000_000 },
    engine: strategy === 'documented' ? { planner: documentedPlanner } : {},
  });
  try {
    if (strategy === 'learned') {
      const warm = await batch(run, WARMUP_PER_MIX * MIXES.length, 'warm-up');
      if (warm.some((record) => record.state !== 'done')) throw new Error('warm-up batch did not finish');
    }
    const before = (await run.sim.stats()).statusQueries;
    const updatesBefore = run.stack.updates.length;
    const records = await batch(run, JOBS, strategy);
    const statusQueries = (await run.sim.stats()).statusQueries - before;
    const detected = detectionTimes(run.stack.updates.slice(updatesBefore));
    const lagOf = (record: GenerationRecord) =>
      ((detected.get(record.id) ?? Number.NaN) - (record.remoteCompleteTime ?? Number.NaN)) / 1000;
    const done = records.filter((record) => record.state === 'done');
    const lags = done.map(lagOf);
    const byResolution: StrategyResult['byResolution'] = {};
    for (const resolution of ['720p', '1080p'] as const) {
      const subset = done.filter((record) => record.params.resolution === resolution);
      byResolution[resolution] = {
        requestsPerJob: round(subset.reduce((sum, r) => sum + r.pollCount, 0) / subset.length),
        lagP50s: round(summarize(subset.map(lagOf)).p50),
      };
    }
    const lag = summarize(lags);
    const ttv = summarize(
      timesToVideo(
        run.stack.updates.slice(updatesBefore),
        done.map((record) => record.id),
        SPEEDUP,
      ),
    );
    return {
      ttvP50ms: round(ttv.p50, 0),
      ttvP95ms: round(ttv.p95, 0),
      strategy,
      jobs: records.length,
      done: done.length,
      statusQueries,
      requestsPerJob: round(statusQueries / records.length),
      lagP50s: round(lag.p50),
      lagP95s: round(lag.p95),
      lagMeanS: round(lag.mean),
      byResolution,
    };
  } finally {
    await run.close();
  }
}

const documented = await measure('documented');
const learned = await measure('learned');
const ratio = round(learned.requestsPerJob / documented.requestsPerJob, 3);

console.log(
  table(
    ['strategy', 'jobs done', 'status req/job', '720p req/job', '1080p req/job', 'lag p50 s', 'lag p95 s'],
    [documented, learned].map((r) => [
      r.strategy,
      `${r.done}/${r.jobs}`,
      r.requestsPerJob,
      r.byResolution['720p']?.requestsPerJob ?? '',
      r.byResolution['1080p']?.requestsPerJob ?? '',
      r.lagP50s,
      r.lagP95s,
    ]),
  ),
);

writeResult({
  name: 'polling',
  title: `Polling efficiency: ${JOBS} mixed jobs, learned planner vs documented strategy (simulated time)`,
  headlines: [
    check('status requests per job, learned ÷ documented', ratio, '≤ 0.6', ratio <= 0.6),
    check(
      'detection lag p50 (s): learned vs documented',
      `${learned.lagP50s} vs ${documented.lagP50s}`,
      'learned ≤ documented',
      learned.lagP50s <= documented.lagP50s,
    ),
    check(
      'detection lag p95 (s): learned vs documented',
      `${learned.lagP95s} vs ${documented.lagP95s}`,
      '',
      null,
    ),
    check(
      'time to video p50 / p95 (real ms, task success known → file in the library), learned run',
      `${learned.ttvP50ms} / ${learned.ttvP95ms}`,
      '',
      null,
    ),
    check(
      'jobs done (both runs)',
      `${documented.done + learned.done}/${2 * JOBS}`,
      'all',
      documented.done + learned.done === 2 * JOBS,
    ),
  ],
  details: { documented, learned },
  setup: { speedup: SPEEDUP, jobs: JOBS, warmupJobs: WARMUP_PER_MIX * MIXES.length, simSeed: SIM_SEED },
});
