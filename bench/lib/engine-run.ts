// Runs one batch of generations through the real engine against a simulator process on a shared
// scaled clock, and reads back what each job cost and saw.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duration, GenerationParams, Resolution } from '../../main/core/apixo/params';
import { type Clock, createScaledClock } from '../../main/core/clock';
import type { JobEngine } from '../../main/core/jobs/engine';
import { TERMINAL_STATES } from '../../main/core/jobs/states';
import type { GenerationRecord } from '../../main/core/library/types';
import type { SimulatorOptions } from '../../main/demo/simulator';
import { createEngineStack, type EngineStack, type HarnessOptions } from '../../test/helpers/engine-harness';
import { type SimProcess, startSimulatorProcess } from './sim-process';

export interface EngineRun {
  clock: Clock;
  sim: SimProcess;
  stack: EngineStack;
  engine: JobEngine;
  enqueue(params: GenerationParams, count: number): GenerationRecord[];
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

const settled = (record: GenerationRecord) => TERMINAL_STATES.has(record.state) || record.state === 'uncertain';

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
  return {
    clock,
    sim,
    stack,
    engine,
    enqueue: (generation, count) =>
      engine.enqueue({ params: generation, count, seedMode: 'random', projectId: null, backend: 'apixo' }),
    async settle(ids, timeoutMs) {
      const started = Date.now();
      for (;;) {
        const records = ids.map((id) => stack.library.getGeneration(id));
        if (records.every((record) => record && settled(record))) return records as GenerationRecord[];
        if (Date.now() - started > timeoutMs) {
          const stuck = records.filter((record) => !record || !settled(record)).length;
          throw new Error(`${stuck} of ${ids.length} jobs did not settle in ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
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
