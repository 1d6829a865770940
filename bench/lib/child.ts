// Benchmark helpers that run in a child process (simulator, file server) talk to it over IPC with
// one request → one reply messages.
import { type ChildProcess, fork } from 'node:child_process';

/** Forks a TypeScript module; execArgv is inherited, so the child strips types like its parent. */
export function forkTs(path: string): ChildProcess {
  return fork(path, [], { stdio: 'inherit' });
}

export function ask<T>(child: ChildProcess, request: object, replyType: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string } & Record<string, unknown>) => {
      if (message.type !== replyType) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`child process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

export async function stopChild(child: ChildProcess, request: object): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.exitCode === null) child.send(request);
  await exited;
}
