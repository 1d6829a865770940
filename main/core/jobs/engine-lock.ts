// One engine per library. The desktop app and a CLI run on the same library must not both drive
// its jobs: two engines could submit the same queued job twice, and one could mistake the other's
// in-flight submit for a crash.
//
// The lock is an OS file lock, taken through SQLite (which we ship anyway): a small database file
// beside the holder record, in which the owner keeps an EXCLUSIVE transaction open for as long as
// it drives the jobs. SQLite takes it with fcntl (POSIX) or LockFileEx (Windows), so of two
// processes racing for it exactly one wins, and the kernel drops it the moment the owner dies,
// however it dies. There is no pid to trust, nothing to go stale and nothing to delete.
//
// The holder record (pid, host, which app) is written by the owner after it has the lock, and only
// ever read to tell a user who holds the library: never to decide anything.
//
// Caveat of POSIX locks: closing ANY descriptor of the lock file in the owning process drops the
// lock. Nothing but SQLite may open it (the media routes serve only media extensions).

import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StudioError } from '../errors';

export interface EngineLock {
  release(): Promise<void>;
}

/** Who holds a library, as its holder record says. For messages only. */
export interface LockHolder {
  pid: number;
  host?: string;
  /** Which Wan Studio: 'electron', 'browser' or 'cli'. */
  app?: string;
  /** ISO time the lock was taken. */
  since?: string;
}

/** How often a busy lock is tried again (about 0.3 s in all) before it counts as held elsewhere. */
const BUSY_RETRIES = 8;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The OS lock lives in this file beside the holder record. */
export const lockDatabasePath = (recordPath: string) => `${recordPath}.db`;

function isBusy(error: unknown): boolean {
  return String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_BUSY');
}

function lockError(recordPath: string, error: unknown): StudioError {
  return new StudioError({
    kind: 'storage',
    userMessage: `Could not take the lock that keeps one Wan Studio per library (${lockDatabasePath(recordPath)}). Check that the library folder is writable and on a local disk.`,
    detail: String(error),
    cause: error,
  });
}

/** The connection holding the lock, or null when another connection (any process) holds it. */
function takeOsLock(path: string): Database | null {
  const db = new BetterSqlite3(path);
  try {
    db.pragma('busy_timeout = 0'); // answer at once; acquireEngineLock decides whether to try again
    // Nothing is ever written, and a journal on disk would be left behind by a killed owner.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE'); // never committed: the lock lasts until release or death
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) return null;
    throw error;
  }
}

/**
 * Reads the holder record; null when it is missing or unreadable (e.g. the owner won a moment ago
 * and is still writing it). Synchronous: it is a few bytes, read when an error message needs it.
 */
export function readLockHolder(recordPath: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(recordPath, 'utf8').trim();
  } catch {
    return null;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text) }; // the record of versions before this lock
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    return Number.isInteger(parsed.pid) ? (parsed as LockHolder) : null;
  } catch {
    return null;
  }
}

/** "the CLI, process 4242 on studio-pc, since 2026-11-30T17:30:00.000Z" */
export function describeHolder(holder: LockHolder): string {
  const apps: Record<string, string> = {
    electron: 'the desktop app',
    browser: 'the browser studio',
    cli: 'the CLI',
  };
  return [
    holder.app ? (apps[holder.app] ?? holder.app) : null,
    `process ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}`,
    holder.since ? `since ${holder.since}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Takes the library's engine lock, or says who holds it (heldBy: null when the record is not
 * there yet). `recordPath` is the holder record; the OS lock is `lockDatabasePath(recordPath)`.
 */
export async function acquireEngineLock(
  recordPath: string,
  options: { app?: string } = {},
): Promise<EngineLock | { heldBy: LockHolder | null }> {
  let db: Database | null = null;
  // Two processes starting together can each hold SQLite's shared lock for a moment (reading the
  // header, setting the journal mode) and so refuse each other's upgrade: then neither would drive
  // the library. A few short, jittered retries let one of them win; a real holder keeps refusing.
  for (let attempt = 0; attempt < BUSY_RETRIES && !db; attempt++) {
    if (attempt > 0) await sleep(10 + Math.random() * 40);
    try {
      db = takeOsLock(lockDatabasePath(recordPath));
    } catch (error) {
      throw lockError(recordPath, error);
    }
  }
  if (!db) return { heldBy: readLockHolder(recordPath) };

  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    app: options.app,
    since: new Date().toISOString(),
  };
  // Written whole then renamed, so a reader never sees half a record. Only the owner writes it.
  // Best effort: the lock is already ours, and the record only improves another process's message.
  const staging = `${recordPath}.${process.pid}.tmp`;
  const wroteRecord = await writeFile(staging, JSON.stringify(holder))
    .then(() => rename(staging, recordPath))
    .then(() => true)
    .catch(() =>
      rm(staging, { force: true }).then(
        () => false,
        () => false,
      ),
    );

  let held: Database | null = db;
  return {
    release: async () => {
      if (!held) return;
      // Only a record this process wrote, and while still locked: no other process can be
      // writing its own meanwhile.
      if (wroteRecord) await rm(recordPath, { force: true });
      held.close(); // closing ends the transaction: the OS lock goes with it
      held = null;
    },
  };
}
