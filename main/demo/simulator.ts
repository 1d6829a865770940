// A local APIXO for model wan-2-5: the backend of demo mode and the server every client and engine
// test runs against. It follows the docs (docs/APIXO.md) and lets a test
// switch on each way the real service or the network can fail.
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from '../core/random';
import { loadClips } from './clips';
import type { SimContext } from './context';
import { replies, sendReply } from './envelope';
import { FaultController } from './faults';
import { TaskLifecycle } from './lifecycle';
import { resolveOptions, type SimulatorOptions } from './options';
import { SlidingWindowLimiter } from './rate-limit';
import { routeRequest } from './router';
import { type SimTask, snapshotTask } from './snapshot';
import { loadState, StateWriter } from './state-file';
import { createStats, type SimulatorStats } from './stats';
import type { TaskRecord } from './task';
import { roundUsd, TaskStore } from './task-store';

export type { FaultController, FaultKind, FaultPhase, FaultSpec, InjectedFault } from './faults';
export { DEFAULT_MEDIA_DIR, type SimulatorOptions } from './options';
export type { SimTask } from './snapshot';
export type { SimulatorStats } from './stats';

export interface Simulator {
  /** e.g. http://127.0.0.1:43121; the API base is `${url}/api/v1`. */
  readonly url: string;
  readonly stats: SimulatorStats;
  readonly faults: FaultController;
  tasks(): SimTask[];
  setBalance(usd: number): void;
  balance(): number;
  /** Makes result URLs (of one task, or all) answer 410 from now on. */
  expireResults(taskId?: string): void;
  /** Resolves when no image fetch, callback POST or state write is in flight. */
  idle(): Promise<void>;
  /** Stops everything, destroys open sockets and writes the state one last time. */
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const { clock, statePath } = resolved;
  const store = new TaskStore(resolved.balanceUsd, seededRandom(resolved.seed), resolved.timeScale);
  const saved = statePath ? await loadState(statePath) : null;
  if (saved) store.load(saved);
  let port = 0;
  const writer = statePath ? new StateWriter(statePath, () => ({ ...store.toState(), port })) : null;
  const persist = () => writer?.save() ?? Promise.resolve();

  const stats = createStats();
  const sockets = new Set<Socket>();
  const delays = new Set<() => void>();
  let baseUrl = '';
  const resultUrl = (task: TaskRecord) => `${baseUrl}/results/${task.resultToken}.mp4`;
  const lifecycle = new TaskLifecycle({ options: resolved, clock, stats, resultUrl, persist });

  const ctx: SimContext = {
    options: resolved,
    clock,
    stats,
    faults: new FaultController(),
    store,
    limiter: new SlidingWindowLimiter(resolved.requestsPerMinute, 60_000),
    clips: await loadClips(resolved.mediaDir),
    resultUrl,
    persist,
    track: (task) => lifecycle.track(task),
    realDelay: (ms) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          delays.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        delays.add(done);
      }),
  };

  // node:http through getBuiltinModule: an ESM import of it costs ~30 ms at start-up (it builds
  // the fetch/WebSocket globals' facade), paid even by CLI commands that never serve anything.
  const server = process.getBuiltinModule('node:http').createServer((req, res) => {
    stats.requests += 1;
    routeRequest(ctx, req, res).catch(() => {
      if (!res.headersSent) sendReply(res, replies.serverError());
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Demo mode asks for any port; reuse the saved one when free, so URLs of earlier runs still work.
  const preferred = resolved.port === 0 && saved?.port ? saved.port : resolved.port;
  await listen(server, preferred, resolved.host).catch((error: NodeJS.ErrnoException) => {
    if (preferred === resolved.port || error.code !== 'EADDRINUSE') throw error;
    return listen(server, resolved.port, resolved.host);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  port = address.port;
  baseUrl = `http://${host}:${port}`;
  for (const task of store.all()) lifecycle.track(task);
  if (writer) await writer.save();

  let closing: Promise<void> | null = null;
  return {
    url: baseUrl,
    stats,
    faults: ctx.faults,
    tasks: () => store.all().map((task) => snapshotTask(ctx, task)),
    setBalance: (usd) => {
      store.balance = roundUsd(usd);
      persist().catch(ignoreWriteError);
    },
    balance: () => store.balance,
    expireResults: (taskId) => {
      const now = clock.now();
      for (const task of store.all())
        if (taskId === undefined || task.taskId === taskId) task.expiredAt = now;
      persist().catch(ignoreWriteError);
    },
    idle: async () => {
      await lifecycle.idle();
      await writer?.flush();
    },
    close: () => {
      closing ??= (async () => {
        lifecycle.close();
        for (const release of delays) release();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await stopped;
        await lifecycle.idle();
        if (writer) await writer.save().catch(() => {});
      })();
      return closing;
    },
  };
}

/** A failed state write only costs persistence of that change; the next write carries it again. */
function ignoreWriteError(): void {}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
