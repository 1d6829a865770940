// The APIXO simulator in a process of its own, so a benchmark's engine has its main thread (and
// process.cpuUsage) to itself. Driven over IPC by sim-process.ts.
import { createScaledClock } from '../../main/core/clock';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../main/demo/simulator';

type Request =
  | { type: 'start'; speedup: number; anchor: number; options: SimulatorOptions }
  | { type: 'stats' }
  | { type: 'tasks' }
  | { type: 'close' };

let sim: Simulator | null = null;

process.on('message', async (message: Request) => {
  const send = (reply: unknown) => process.send?.(reply);
  if (message.type === 'start') {
    sim = await startSimulator({
      ...message.options,
      clock: createScaledClock(message.speedup, message.anchor),
    });
    send({ type: 'started', url: sim.url });
  } else if (message.type === 'stats') {
    send({ type: 'stats', stats: sim?.stats });
  } else if (message.type === 'tasks') {
    send({ type: 'tasks', tasks: sim?.tasks() ?? [] });
  } else if (message.type === 'close') {
    await sim?.close();
    send({ type: 'closed' });
    process.disconnect();
  }
});
