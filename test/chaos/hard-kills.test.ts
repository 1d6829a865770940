// Hard kills, many times over: each round starts a 20-job batch in the real CLI (a separate OS
// process), SIGKILLs it at a seeded-random moment while it submits, polls or downloads, and
// restarts it (`wait`, itself sometimes killed again) until the batch settles. After every round:
// no job lost, nothing paid for twice, every file verified, no half file, an intact database.
//
// The rounds share one simulator in this process, on a scaled clock anchored like the CLI's, so
// APIXO's minute-long generations pass in about a second.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScaledClock } from '../../main/core/clock';
import { seededRandom } from '../../main/core/random';
import type { FaultSpec } from '../../main/demo/faults';
import { type Simulator, type SimulatorStats, startSimulator } from '../../main/demo/simulator';
import { ensureCliBuilt, runCli, until } from '../helpers/cli-process';
import { type AuditRow, auditLibrary, expectSoundLibrary, servedClipHashes } from '../helpers/library-audit';

const ROUNDS = 20;
// The largest batch the contract allows (MAX_BATCH); the CLI goes through the same schema as the app.
const JOBS = 20;
const SPEEDUP = 60;
const KEY = 'sk-chaos-kill-0000';
const SEED = 20_251_121;
const PHASES = ['submit', 'poll', 'download'] as const;
type Phase = (typeof PHASES)[number];
const SETTLED = new Set(['done', 'uncertain']);

const random = seededRandom(SEED);
const pick = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
let sim: Simulator;
let served: Set<string>;
let anchor = 0;
const dirs: string[] = [];

beforeAll(async () => {
  ensureCliBuilt();
  served = await servedClipHashes();
  anchor = Date.now();
  sim = await startSimulator({
    clock: createScaledClock(SPEEDUP, anchor),
    seed: SEED,
    apiKeys: [KEY],
    balanceUsd: 1_000_000,
  });
}, 180_000);
afterAll(async () => {
  await sim?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** How the round makes its chosen phase last long enough to be hit, and when it pulls the plug. */
function planRound(phase: Phase): { faults: FaultSpec[]; killWhen: (delta: SimulatorStats) => boolean } {
  if (phase === 'submit') {
    // Answers held back after the task exists: a kill now leaves requests whose fate is unknown.
    const threshold = pick(1, JOBS - 2);
    return {
      // Some answers only: the kill leaves a mix of sent, unsent and in-flight requests.
      faults: [{ kind: 'slow', phase: 'submit', times: pick(2, JOBS / 2), delayMs: pick(100, 400) }],
      killWhen: (delta) => delta.submitsAccepted >= threshold,
    };
  }
  if (phase === 'poll') {
    const threshold = pick(1, JOBS);
    return { faults: [], killWhen: (delta) => delta.statusQueries >= threshold };
  }
  // Every download is cut after a share of what remains, so .part files sit on disk for a while.
  const threshold = pick(1, JOBS);
  return {
    faults: [{ kind: 'reset', phase: 'download', bodyFraction: 0.05 + random() * 0.3 }],
    killWhen: (delta) => delta.downloads >= threshold,
  };
}

function statsDelta(before: SimulatorStats): SimulatorStats {
  const now = sim.stats;
  const delta = { ...now };
  for (const key of Object.keys(now) as (keyof SimulatorStats)[]) delta[key] = now[key] - before[key];
  return delta;
}

/** Rows the simulator knows of this round, and the money rule: nothing created twice. */
function expectNothingPaidTwice(rows: AuditRow[], marker: string): void {
  const tasks = sim.tasks().filter((task) => task.prompt.includes(marker));
  const taskIds = new Set(tasks.map((task) => task.taskId));
  const recorded = rows.flatMap((row) => (row.taskId ? [row.taskId] : []));
  expect(new Set(recorded).size, 'a task id recorded on two rows').toBe(recorded.length);
  for (const taskId of recorded) expect(taskIds.has(taskId), `unknown task ${taskId}`).toBe(true);
  // Every job has its own seed, so an identical body twice would be a resend.
  expect(tasks.filter((task) => task.submitCount > 1)).toEqual([]);
  // Tasks without a row: only requests cut off by the kill, whose rows wait as `uncertain`.
  const unrecorded = rows.filter((row) => row.state === 'uncertain' && !row.taskId).length;
  expect(tasks.length - recorded.length).toBeGreaterThanOrEqual(0);
  expect(tasks.length - recorded.length).toBeLessThanOrEqual(unrecorded);
}

interface Outcome {
  phase: Phase;
  /** What the kill interrupted: rows mid-submit, rows waiting on APIXO, .part files on disk. */
  atKill: { submitting: number; remote: number; partFiles: number };
  states: Record<string, number>;
  kills: number;
}

async function round(index: number): Promise<Outcome> {
  const phase = PHASES[index % PHASES.length] ?? 'poll';
  const dir = await mkdtemp(join(tmpdir(), `wan-chaos-kill-${index}-`));
  dirs.push(dir);
  const library = join(dir, 'library');
  const common = ['--library', library, '--data', join(dir, 'data'), '--base-url', `${sim.url}/api/v1`];
  const env = { APIXO_API_KEY: KEY, WAN_STUDIO_TIME_SPEEDUP: `${SPEEDUP}@${anchor}` };
  const marker = `chaos round ${index}:`;
  const plan = planRound(phase);
  const before = { ...sim.stats };
  for (const fault of plan.faults) sim.faults.inject(fault);

  const prompt = `${marker} a lighthouse in a storm, slow dolly in`;
  const first = runCli(['generate', '--prompt', prompt, '--count', String(JOBS), '--wait', ...common], env);
  const stillRunning = () => first.child.exitCode === null;
  await until(() => plan.killWhen(statsDelta(before)) || !stillRunning(), 30_000, `round ${index} ${phase}`);
  await new Promise((resolve) => setTimeout(resolve, pick(0, 40)));
  first.child.kill('SIGKILL');
  expect(await first.exited, `round ${index}: the batch ended before the kill\n${first.output()}`).toBeNull();
  sim.faults.clear();
  const killed = await auditLibrary(library);
  const count = (states: string[]) => killed.rows.filter((row) => states.includes(row.state)).length;
  const atKill = {
    submitting: count(['submitting']),
    remote: count(['pending', 'processing']),
    partFiles: killed.files.filter((file) => file.endsWith('.part')).length,
  };

  let kills = 1;
  for (let attempt = 0; attempt < 4; attempt++) {
    const again = runCli(['wait', '--json', ...common], env);
    if (attempt === 0 && random() < 0.35) {
      // Killed again, early in its recovery.
      await new Promise((resolve) => setTimeout(resolve, pick(50, 600)));
      again.child.kill('SIGKILL');
      await again.exited;
      kills++;
      continue;
    }
    const code = await again.exited;
    expect([0, 1], again.output()).toContain(code); // 1: some jobs wait as `uncertain`
    const audit = await expectSoundLibrary(library, served);
    if (audit.rows.every((row) => SETTLED.has(row.state))) break;
  }

  const audit = await expectSoundLibrary(library, served);
  expect(audit.rows, 'no job lost').toHaveLength(JOBS);
  expect(audit.rows.filter((row) => !SETTLED.has(row.state))).toEqual([]);
  for (const row of audit.rows) expect(row.state === 'done').toBe(row.relPath !== null);
  expectNothingPaidTwice(audit.rows, marker);
  const states: Record<string, number> = {};
  for (const row of audit.rows) states[row.state] = (states[row.state] ?? 0) + 1;
  await rm(dir, { recursive: true, force: true });
  return { phase, atKill, states, kills };
}

describe('hard kills', () => {
  it(`${ROUNDS} rounds of ${JOBS} jobs, each SIGKILLed while submitting, polling or downloading`, async () => {
    const outcomes: Outcome[] = [];
    for (let index = 0; index < ROUNDS; index++) outcomes.push(await round(index));
    console.info(
      outcomes
        .map(
          (o, i) =>
            `round ${i} ${o.phase}: at kill ${JSON.stringify(o.atKill)} → ${JSON.stringify(o.states)}, ${o.kills} kill(s)`,
        )
        .join('\n'),
    );
    // Each kind of kill really happened: mid-request, while waiting on APIXO, mid-file.
    const hit = (phase: Phase, key: keyof Outcome['atKill']) =>
      outcomes.filter((o) => o.phase === phase && o.atKill[key] > 0).length;
    expect(hit('submit', 'submitting')).toBeGreaterThan(0);
    expect(hit('poll', 'remote')).toBeGreaterThan(0);
    expect(hit('download', 'partFiles')).toBeGreaterThan(0);
    // Jobs finished after a kill, and cut-off submits were left for the user instead of resent.
    const total = (state: string) => outcomes.reduce((sum, outcome) => sum + (outcome.states[state] ?? 0), 0);
    expect(total('done')).toBeGreaterThan(ROUNDS * JOBS * 0.5);
    expect(total('uncertain')).toBeGreaterThan(0);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.kills, 0)).toBeGreaterThan(ROUNDS);
    // The ceiling fits a loaded 2-core machine (about 70 s when quiet); every round asserts the same.
  }, 600_000);
});
