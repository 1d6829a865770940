// 10. Time to video: from the engine learning a task succeeded (its move to `downloading`) to the
// clip being in the library (`done`: downloaded, verified, fsynced, renamed, recorded). The real
// engine against a simulator process on a scaled clock; figures are converted back to real time.
// One job at a time (what a user waiting on one clip feels) and 50 at once (a batch finishing
// together, through the download queue).
//
//   node bench/run.mjs ttv [--speedup 20] [--singles 5] [--burst 50]
import { type EngineRun, params, startEngineRun, timesToVideo } from './lib/engine-run';
import { check, writeResult } from './lib/report';
import { round, summarize } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const SPEEDUP = arg('--speedup', 20);
const SINGLES = arg('--singles', 5);
const BURST = arg('--burst', 50);

async function runJobs(run: EngineRun, count: number, label: string): Promise<number[]> {
  const ids: string[] = [];
  // The contract's batch limit is 20; the engine takes any count, and a burst is what is measured.
  for (const record of run.enqueue(params('720p', 5, `${label}: a lighthouse at dusk`), count))
    ids.push(record.id);
  const records = await run.settle(ids, 600_000);
  const notDone = records.filter((record) => record.state !== 'done');
  if (notDone.length > 0) throw new Error(`${notDone.length} of ${count} jobs ended ${notDone[0]?.state}`);
  return timesToVideo(run.stack.updates, ids, SPEEDUP);
}

const run = await startEngineRun({
  speedup: SPEEDUP,
  sim: { seed: 7, apiKeys: 'any', balanceUsd: 1_000_000 },
});
try {
  const singles: number[] = [];
  for (let index = 0; index < SINGLES; index++) singles.push(...(await runJobs(run, 1, `single ${index}`)));
  const burst = await runJobs(run, BURST, 'burst');
  const one = summarize(singles);
  const many = summarize(burst);
  const ms = (value: number) => round(value, 0);
  writeResult({
    name: 'ttv',
    title: `Time to video: task success → file in the library (real ms; clock ×${SPEEDUP})`,
    headlines: [
      check(`one job at a time, median of ${SINGLES} (ms)`, ms(one.p50), '', null),
      check(`one job at a time, slowest of ${SINGLES} (ms)`, ms(one.max), '', null),
      check(`${BURST} at once, p50 / p95 (ms)`, `${ms(many.p50)} / ${ms(many.p95)}`, '', null),
    ],
    details: { singles, burst },
    setup: { speedup: SPEEDUP, singles: SINGLES, burst: BURST },
  });
} finally {
  await run.close();
}
