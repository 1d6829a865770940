// Parent side of sim-child.ts: a simulator on the same scaled clock (same speedup and anchor) as the
// benchmark's engine, answering in another OS process.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { SimTask, SimulatorOptions, SimulatorStats } from '../../main/demo/simulator';

export interface SimProcess {
  url: string;
  stats(): Promise<SimulatorStats>;
  tasks(): Promise<SimTask[]>;
  close(): Promise<void>;
}

function ask<T>(child: ChildProcess, request: object, replyType: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string } & Record<string, unknown>) => {
      if (message.type !== replyType) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`simulator process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

export async function startSimulatorProcess(
  speedup: number,
  anchor: number,
  options: Omit<SimulatorOptions, 'clock'>,
): Promise<SimProcess> {
  // execArgv is inherited: the child strips types and resolves .ts like its parent.
  const child = fork(join(import.meta.dirname, 'sim-child.ts'), [], { stdio: 'inherit' });
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
