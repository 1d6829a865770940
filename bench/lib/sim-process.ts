// Parent side of sim-child.ts: a simulator on the same scaled clock (same speedup and anchor) as the
// benchmark's engine, answering in another OS process.
import { join } from 'node:path';
import type { SimTask, SimulatorOptions, SimulatorStats } from '../../main/demo/simulator';
import { ask, forkTs } from './child';

export interface SimProcess {
  url: string;
  stats(): Promise<SimulatorStats>;
  tasks(): Promise<SimTask[]>;
  close(): Promise<void>;
}

export async function startSimulatorProcess(
  speedup: number,
  anchor: number,
  options: Omit<SimulatorOptions, 'clock'>,
): Promise<SimProcess> {
  const child = forkTs(join(import.meta.dirname, 'sim-child.ts'));
  const { url } = await ask<{ url: string }>(child, { type: 'start', speedup, anchor, options }, 'started');
  return {
    url,
    stats: async () => (await ask<{ stats: SimulatorStats }>(child, { type: 'stats' }, 'stats')).stats,
    tasks: async () => (await ask<{ tasks: SimTask[] }>(child, { type: 'tasks' }, 'tasks')).tasks,
    close: async () => {
      await ask(child, { type: 'close' }, 'closed');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
