// What every library operation needs: the connection, the root folder, the clock, a warning sink
// and a cache of prepared statements (preparing is the expensive part of a small query).
import type { Database, Statement } from 'better-sqlite3';
import type { Clock } from '../clock';

export interface LibraryContext {
  readonly db: Database;
  /** Absolute path of the library folder; every stored path is relative to it. */
  readonly root: string;
  readonly clock: Clock;
  /** Something in the data was not understood (e.g. written by a newer version). Never throws. */
  warn(message: string): void;
  stmt(sql: string): Statement;
}

// Filter combinations make query SQL vary; the cap keeps a long session from growing without bound.
const STATEMENT_CACHE_LIMIT = 256;

export function createContext(init: {
  db: Database;
  root: string;
  clock: Clock;
  warn: (message: string) => void;
}): LibraryContext {
  const cache = new Map<string, Statement>();
  return {
    db: init.db,
    root: init.root,
    clock: init.clock,
    warn: init.warn,
    stmt(sql) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
        statement = init.db.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Runs `fn` in a transaction, or inside the caller's when one is already open. */
export function inTransaction<T>(ctx: LibraryContext, fn: () => T): T {
  if (ctx.db.inTransaction) return fn();
  return ctx.db.transaction(fn)();
}
