// Runs one batch of generations through the real engine against a simulator process on a shared
// scaled clock, and reads back what each job cost and saw.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, createScaledClock } from '../../main/core/clock';
import type { JobEngine } from '../../main/core/jobs/engine';
import type { GenerationRecord } from '../../main/core/library/types';
import type { SimulatorOptions } from '../../main/demo/simulator';
import type { Duration, GenerationParams, Resolution } from '../../shared/domain/params';
import { TERMINAL_STATES } from '../../shared/domain/states';
import { createEngineStack, type EngineStack, type HarnessOptions } from '../../test/helpers/engine-harness';
import { type SimProcess, startSimulatorProcess } from './sim-process';

export interface EngineRun {
  clock: Clock;
  sim: SimProcess;
  stack: EngineStack;
  engine: JobEngine;
  enqueue(params: GenerationParams, count: number): GenerationRecord[];
  /** Resolves when every job is settled (done, failed, expired, cancelled or uncertain). */
  waitSettled(ids: string[], timeoutMs: number): Promise<void>;
  records(ids: string[]): GenerationRecord[];
  settle(ids: string[], timeoutMs: number): Promise<GenerationRecord[]>;
  close(): Promise<void>;
}

export const MIXES: { resolution: Resolution; duration: Duration }[] = [
  { resolution: '720p', duration: 5 },
  { resolution: '720p', duration: 10 },
  { resolution: '1080p', duration: 5 },
  { resolution: '1080p', duration: 10 },
];

export function params(resolution: Resolution, duration: Duration, prompt: string): GenerationParams {
  return {
    mode: 'text-to-video',
    prompt,
    resolution,
    duration,
    aspectRatio: '16:9',
    promptExpansion: true,
    provider: 'auto',
  };
}

const settled = (record: GenerationRecord) =>
  TERMINAL_STATES.has(record.state) || record.state === 'uncertain';

export async function startEngineRun(options: {
  speedup: number;
  sim: Omit<SimulatorOptions, 'clock'>;
  engine?: HarnessOptions['engine'];
  downloadConcurrency?: number;
}): Promise<EngineRun> {
  const anchor = Date.now();
  const clock = createScaledClock(options.speedup, anchor);
  const sim = await startSimulatorProcess(options.speedup, anchor, options.sim);
  const dir = mkdtempSync(join(tmpdir(), 'wan-bench-engine-'));
  const stack = createEngineStack({
    clock,
    baseUrl: `${sim.url}/api/v1`,
    root: join(dir, 'library'),
    clientTimeoutMs: 30_000,
    engine: options.engine,
    downloadConcurrency: options.downloadConcurrency,
  });
  const engine = stack.makeEngine();
  engine.start();
  const records = (ids: string[]) =>
    ids.map((id) => stack.library.getGeneration(id)).filter((r): r is GenerationRecord => r !== null);
  const waitSettled = async (ids: string[], timeoutMs: number) => {
    // Reads the engine's own update stream, not the database: a benchmark that queried 1500 rows
    // every few milliseconds would mostly measure itself. The stream holds every update of this
    // stack from its start, so a job that settled before this call is found too.
    const waiting = new Set(ids);
    let read = 0;
    const started = Date.now();
    while (waiting.size > 0) {
      if (Date.now() - started > timeoutMs)
        throw new Error(`${waiting.size} of ${ids.length} jobs did not settle in ${timeoutMs} ms`);
      const fresh = stack.updates.slice(read);
      read += fresh.length;
      for (const record of fresh) if (settled(record)) waiting.delete(record.id);
      if (waiting.size > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return {
    clock,
    sim,
    stack,
    engine,
    enqueue: (generation, count) =>
      engine.enqueue({ params: generation, count, seedMode: 'random', projectId: null, backend: 'apixo' }),
    waitSettled,
    records,
    async settle(ids, timeoutMs) {
      await waitSettled(ids, timeoutMs);
      return records(ids);
    },
    async close() {
      await engine.stop();
      stack.library.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** When the engine first saw each job finished remotely (its move to `downloading`), clock ms. */
export function detectionTimes(updates: readonly GenerationRecord[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const record of updates)
    if (record.state === 'downloading' && !seen.has(record.id)) seen.set(record.id, record.updatedAt);
  return seen;
}

/** Real milliseconds from `downloading` to `done` for each job that finished. */
export function timesToVideo(updates: readonly GenerationRecord[], ids: readonly string[], speedup: number) {
  const detected = detectionTimes(updates);
  const wanted = new Set(ids);
  const times: number[] = [];
  for (const record of updates) {
    if (record.state !== 'done' || !wanted.has(record.id)) continue;
    const from = detected.get(record.id);
    if (from !== undefined) times.push((record.updatedAt - from) / speedup);
    wanted.delete(record.id);
  }
  return times;
}
