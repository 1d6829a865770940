// The engine lock between real processes: Node children that race for it at the same moment, hold
// it, get SIGKILLed. The lock must be the OS's: one winner per race, free the instant its owner
// dies, and never blocked by a record naming some other live process.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  acquireEngineLock,
  describeHolder,
  type EngineLock,
  type LockHolder,
  lockDatabasePath,
} from '../../../main/core/jobs/engine-lock';

const ROUNDS = 20;
const CHILD = [
  '--import',
  join(import.meta.dirname, '..', 'secrets', 'fixtures', 'resolve-ts.mjs'),
  join(import.meta.dirname, 'fixtures', 'lock-child.ts'),
];
type Attempt = { won: boolean; heldBy: LockHolder | null };

interface LockChild {
  child: ChildProcess;
  ready: Promise<void>;
  attempt: Promise<Attempt>;
  kill(): Promise<void>;
}

const children = new Set<ChildProcess>();
const dirs: string[] = [];
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function libraryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wan-lock-'));
  dirs.push(dir);
  return dir;
}

/** A child process that tries for the lock once `barrier` exists (at once without one). */
function lockChild(record: string, barrier?: string): LockChild {
  const child = spawn(process.execPath, [...CHILD, record, ...(barrier ? [barrier] : [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  // Its lines in order: "ready", then the attempt. An early exit fails whatever is still awaited.
  const lines: string[] = [];
  let stderr = '';
  const waiting: (() => void)[] = [];
  const wake = () => {
    for (const waiter of waiting.splice(0)) waiter();
  };
  createInterface({ input: child.stdout as Readable }).on('line', (text) => {
    lines.push(text);
    wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let gone = false;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      gone = true;
      wake();
      resolve();
    }),
  );
  const line = (index: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (lines.length > index) resolve(lines[index] as string);
        else if (gone) reject(new Error(`lock child exited early: ${lines.join('\n')}${stderr}`));
        else waiting.push(check);
      };
      check();
    });
  return {
    child,
    ready: line(0).then(() => undefined),
    attempt: line(1).then((text) => JSON.parse(text) as Attempt),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
      children.delete(child);
    },
  };
}

function won(result: EngineLock | { heldBy: LockHolder | null }): result is EngineLock {
  return !('heldBy' in result);
}

describe('engine lock', () => {
  it(`of two processes released together, exactly one wins, ${ROUNDS} rounds after a crash each`, async () => {
    const dir = await libraryDir();
    const record = join(dir, 'engine.lock');
    const tally: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts on the lock the last round's winner held when it was SIGKILLed.
      const barrier = join(dir, `go-${round}`);
      const pair = [lockChild(record, barrier), lockChild(record, barrier)];
      await Promise.all(pair.map((racer) => racer.ready));
      await writeFile(barrier, '');
      const attempts = await Promise.all(pair.map((racer) => racer.attempt));
      tally.push(attempts.filter((attempt) => attempt.won).length);
      await Promise.all(pair.map((racer) => racer.kill()));
    }
    expect(tally).toEqual(Array(ROUNDS).fill(1));
  }, 180_000);

  it('a lock held by a process that was SIGKILLed is free at once, and its file is kept', async () => {
    const record = join(await libraryDir(), 'engine.lock');
    const owner = lockChild(record);
    expect((await owner.attempt).won).toBe(true);
    const meanwhile = await acquireEngineLock(record);
    expect(meanwhile).toEqual({ heldBy: expect.objectContaining({ pid: owner.child.pid, app: 'cli' }) });

    await owner.kill();
    const after = await acquireEngineLock(record);
    expect(won(after)).toBe(true);
    if (won(after)) await after.release();
    expect(existsSync(lockDatabasePath(record)), 'the OS lock file is never deleted').toBe(true);
  }, 30_000);

  it.each([
    ['a bare pid (the old lock file)', (pid: number) => String(pid)],
    ['a holder record', (pid: number) => JSON.stringify({ pid, host: 'elsewhere', app: 'electron' })],
  ])('a stale record naming a live, unrelated process does not block: %s', async (_label, format) => {
    const record = join(await libraryDir(), 'engine.lock');
    // Our own parent (the Vitest runner) is alive and is not holding any lock: a reused pid.
    await writeFile(record, format(process.ppid));
    const result = await acquireEngineLock(record);
    expect(result).not.toHaveProperty('heldBy');
    if (won(result)) await result.release();
  });

  it('a second attempt in the owning process is refused and does not loosen the lock for others', async () => {
    const record = join(await libraryDir(), 'engine.lock');
    const first = await acquireEngineLock(record, { app: 'electron' });
    expect(won(first)).toBe(true);
    // Its SQLite connection is opened and closed again: with POSIX locks a careless close of any
    // descriptor of the file would drop the owner's lock.
    const second = await acquireEngineLock(record, { app: 'cli' });
    expect(second).toEqual({ heldBy: expect.objectContaining({ pid: process.pid, app: 'electron' }) });
    const outsider = lockChild(record);
    expect((await outsider.attempt).won).toBe(false);
    await outsider.kill();

    if (won(first)) await first.release();
    expect(existsSync(record), 'the holder record goes with the lock').toBe(false);
    const next = lockChild(record);
    expect((await next.attempt).won).toBe(true);
    await next.kill();
  }, 30_000);

  it('describes its holder in words', () => {
    expect(describeHolder({ pid: 4242, host: 'studio-pc', app: 'cli', since: '2026-11-30T17:30:00Z' })).toBe(
      'the CLI, process 4242 on studio-pc, since 2026-11-30T17:30:00Z',
    );
    expect(describeHolder({ pid: 7 })).toBe('process 7');
  });
});
