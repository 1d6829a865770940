// Opens the library database with the settings every connection needs, then brings the schema
// up to date. The CLI and the app may open the same file at once; WAL lets readers run while
// one writer commits, and busy_timeout makes the second writer wait instead of failing.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StudioError } from '../errors';
import { storageFailure } from '../fs/storage-failure';
import { MIGRATIONS, type Migration } from './migrations';

const BUSY_TIMEOUT_MS = 5_000;

/**
 * `mustExist`: the database is an existing library's (from settings); a missing file means the
 * library is not there, and creating an empty one in its place would hide that.
 */
export function openDatabase(
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
  options: { mustExist?: boolean } = {},
): Database {
  refuseUnusableFile(path, options.mustExist ?? false);
  let db: Database;
  try {
    if (!options.mustExist) mkdirSync(dirname(path), { recursive: true });
    db = new BetterSqlite3(path, { fileMustExist: options.mustExist ?? false });
  } catch (error) {
    throw (
      openFailure(error, path) ??
      new StudioError({
        kind: 'storage',
        userMessage: `Could not open the library database at ${path}. Check that the folder exists and is writable.`,
        detail: String(error),
        cause: error,
      })
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: an app crash loses nothing,
    // a power cut can lose the last few commits but never corrupts the file. The job engine
    // tolerates that (a lost state change is re-derived from APIXO on the next poll).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // 32 MiB of page cache (default 2 MiB): the grid indexes of a 100k library stay in memory.
    db.pragma('cache_size = -32768');
    migrate(db, migrations);
    refreshPlannerStatistics(db);
    return db;
  } catch (error) {
    db.close();
    throw openFailure(error, path) ?? error;
  }
}

/**
 * SQLite says only "unable to open" (SQLITE_CANTOPEN) when a WAL database sits on a read-only
 * disk or in a folder it may not write (it needs the -shm file): ask the folder why.
 */
function openFailure(error: unknown, path: string) {
  if ((error as { code?: unknown } | null)?.code === 'SQLITE_CANTOPEN') {
    try {
      accessSync(dirname(path), constants.W_OK);
    } catch (accessError) {
      return storageFailure(accessError, path);
    }
  }
  return storageFailure(error, path);
}

/**
 * A zero-length file is what a crash or a failed copy leaves, never a library: SQLite would
 * happily open it as an empty database and the user would see an empty library.
 */
function refuseUnusableFile(path: string, mustExist: boolean): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw storageFailure(error, path) ?? error;
    if (!mustExist) return;
    throw new StudioError({
      kind: 'library_missing',
      userMessage: `The library database ${path} is missing. If the library is on a drive that is not connected, connect it and try again; otherwise locate the library or create a new one.`,
    });
  }
  if (size === 0) {
    throw new StudioError({
      kind: 'library_corrupt',
      userMessage: `The library database ${path} is empty (0 bytes), so it is not a usable library. Restore it from a backup, locate the library elsewhere, or create a new one.`,
    });
  }
}

/**
 * SQLite's recommended call for a connection that is just opening: gathers statistics (bounded
 * by analysis_limit, so it takes milliseconds) for tables that have grown or never had them.
 * Without them the planner cannot tell a filter that keeps half the library from one that keeps
 * a few rows, and may sort 100k rows instead of walking an index.
 */
export function refreshPlannerStatistics(db: Database): void {
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize = 0x10002');
}

export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Runs every migration past the stored user_version, each in its own immediate transaction.
 *
 * Steps with an `applied` check are the ones whose order changed once: a library made before that
 * ran 'reference audio' fifth, one made after runs 'origin of each video' fifth, and both say
 * version 5. So a checked step below the stored version that is missing runs now, and a checked
 * step at or past it that is already there is only counted.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const target = migrations.length;
  if (schemaVersion(db) > target) {
    throw new StudioError({
      kind: 'storage',
      userMessage:
        'This library was last opened by a newer version of Wan Studio. Update the app to open it.',
      detail: `database user_version ${schemaVersion(db)} > supported ${target}`,
    });
  }
  const step = (migration: Migration, index: number, then: () => void) =>
    db.transaction(() => {
      try {
        migration.up(db);
      } catch (error) {
        throw new StudioError({
          kind: 'storage',
          userMessage: `Could not upgrade the library database (step ${index + 1}: ${migration.name}). That step was rolled back.`,
          detail: String(error),
          cause: error,
        });
      }
      then();
    });
  migrations.forEach((migration, index) => {
    // Read without a lock first: every open checks these, and they are almost always there.
    if (index >= schemaVersion(db) || !migration.applied || migration.applied(db)) return;
    // IMMEDIATE, and checked again inside: another process may be repairing the same library.
    db.transaction(() => {
      if (!migration.applied?.(db)) step(migration, index, () => {})();
    }).immediate();
  });
  while (schemaVersion(db) < target) {
    // IMMEDIATE takes the write lock before reading the version, so when the CLI and the app
    // open an old library together only one of them runs each step.
    db.transaction(() => {
      const version = schemaVersion(db);
      const migration = migrations[version];
      if (!migration) return;
      const bump = () => db.pragma(`user_version = ${version + 1}`);
      if (migration.applied?.(db)) bump();
      else step(migration, version, bump)();
    }).immediate();
  }
}
