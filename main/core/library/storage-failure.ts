// What a failing disk or database means for the user. SQLite and the file system report the same
// few situations under many codes (SQLITE_NOTADB, SQLITE_READONLY_DBMOVED, EROFS, ENOSPC…); each
// becomes one error kind with a sentence that says what happened and what to do, so the UI never
// shows raw SQLite text or "internal".
import { StudioError } from '../errors';

export type StorageFailureKind = 'library_corrupt' | 'read_only' | 'disk_full';

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function storageFailureKind(error: unknown): StorageFailureKind | null {
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return 'read_only';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'library_corrupt';
  return null;
}

const ADVICE: Record<StorageFailureKind, (where: string) => string> = {
  disk_full: (where) =>
    `The disk holding ${where} is full. Free some space (or move the library to a larger disk in Settings), then try again.`,
  read_only: (where) =>
    `${where} cannot be written: the disk is read-only or you lack permission. Check the folder's permissions, or move the library to a writable folder.`,
  library_corrupt: (where) =>
    `The library database in ${where} is damaged or is not a Wan Studio database. Restore it from a backup, or choose another library.`,
};

/** A StudioError for a recognised disk/database failure, or null when the cause is something else. */
export function storageFailure(error: unknown, where: string): StudioError | null {
  const kind = storageFailureKind(error);
  if (!kind) return null;
  return new StudioError({
    kind,
    userMessage: ADVICE[kind](where),
    detail: `${codeOf(error)}: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
  });
}
