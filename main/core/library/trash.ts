// The trash: a trashed generation's video, its sidecar and poster move to <root>/.trash/<id>/<same relative
// path>, and the row keeps deletedAt. Files move first, then the row changes, and every step
// accepts the state a crash could leave behind (a file already moved, or already back), so
// repeating an interrupted trash, restore or purge finishes it without losing anything.
// Reference images stay in place (several generations may share one); purge deletes one once no
// generation refers to it any more.
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isTerminal } from '../../../shared/domain/states';
import { StudioError } from '../errors';
import { inTransaction, type LibraryContext } from './context';
import { requireGeneration } from './generations';
import { absolutePath } from './paths';
import { unindexGeneration } from './search-index';
import { sidecarRelPath } from './sidecar-doc';

export const TRASH_DIR = '.trash';

interface FileMove {
  /** Where the file lives while the generation is in the library. */
  home: string;
  /** Where it lives while the generation is in the trash. */
  trashed: string;
}

function trashFolder(root: string, id: string): string {
  return join(root, TRASH_DIR, id);
}

function filesOf(ctx: LibraryContext, id: string): FileMove[] {
  const row = ctx
    .stmt('SELECT rel_path, poster_rel_path, strip_rel_path FROM videos WHERE generation_id = ?')
    .get(id) as
    | { rel_path: string; poster_rel_path: string | null; strip_rel_path: string | null }
    | undefined;
  if (!row) return [];
  // The sidecar travels with its video (into the trash, back, and out on purge); the strip too.
  const relPaths = [
    row.rel_path,
    sidecarRelPath(row.rel_path),
    row.poster_rel_path,
    row.strip_rel_path,
  ].filter((path): path is string => path !== null);
  return relPaths.map((relPath) => ({
    home: absolutePath(ctx.root, relPath),
    trashed: absolutePath(trashFolder(ctx.root, id), relPath),
  }));
}

/** Moves `from` to `to` when `from` exists and `to` does not; otherwise the move already happened (or never can). */
function moveOnce(from: string, to: string): void {
  if (!existsSync(from) || existsSync(to)) return;
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    throw new StudioError({
      kind: 'storage',
      userMessage: `Could not move ${from} to ${to}. Check that the library folder is writable.`,
      detail: String(error),
      cause: error,
    });
  }
}

/** Removes `dir` and its subfolders when they hold no files; leaves anything with a file. */
function removeEmptyFolders(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name));
  }
  try {
    rmdirSync(dir);
  } catch {
    // Not empty: a file was left there on purpose (see restore).
  }
}

export function trash(ctx: LibraryContext, id: string): void {
  const record = requireGeneration(ctx, id);
  if (record.deletedAt !== null) return;
  if (!isTerminal(record.state)) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: 'This generation is still in progress. Cancel it before moving it to the trash.',
    });
  }
  for (const file of filesOf(ctx, id)) moveOnce(file.home, file.trashed);
  ctx
    .stmt('UPDATE generations SET deleted_at = ?, updated_at = ? WHERE id = ?')
    .run(ctx.clock.now(), ctx.clock.now(), id);
}

export function restore(ctx: LibraryContext, id: string): void {
  const record = requireGeneration(ctx, id);
  if (record.deletedAt === null) return;
  // When a file is already back home, the trashed copy (if any) stays in .trash for the user.
  for (const file of filesOf(ctx, id)) moveOnce(file.trashed, file.home);
  ctx.stmt('UPDATE generations SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(ctx.clock.now(), id);
  removeEmptyFolders(trashFolder(ctx.root, id));
}

interface PurgeRow {
  id: string;
  reference_image_path: string | null;
  part_rel_path: string | null;
}

export interface PurgeResult {
  deleted: number;
  /** Bytes of the files removed from disk (videos, posters, partial downloads). */
  freedBytes: number;
}

const PURGE_SELECT = `SELECT g.id, g.reference_image_path, p.part_rel_path FROM generations g
  LEFT JOIN partial_downloads p ON p.generation_id = g.id WHERE g.deleted_at IS NOT NULL`;

/** Removes a file, returning the bytes it held (0 when it was already gone). */
function removeFile(path: string): number {
  const size = existsSync(path) ? statSync(path).size : 0;
  rmSync(path, { force: true });
  return size;
}

export function purgeTrash(ctx: LibraryContext, olderThan?: number): number {
  const cutoff = olderThan ?? Number.MAX_SAFE_INTEGER;
  const rows = ctx.stmt(`${PURGE_SELECT} AND g.deleted_at < ?`).all(cutoff) as PurgeRow[];
  return purgeRows(ctx, rows).deleted;
}

/** Deletes these trashed generations (default: the whole trash) for good; ids not in the trash are left alone. */
export function purgeTrashed(ctx: LibraryContext, ids?: readonly string[]): PurgeResult {
  if (!ids) return purgeRows(ctx, ctx.stmt(PURGE_SELECT).all() as PurgeRow[]);
  const select = ctx.stmt(`${PURGE_SELECT} AND g.id = ?`);
  const rows = ids.flatMap((id) => (select.get(id) as PurgeRow | undefined) ?? []);
  return purgeRows(ctx, rows);
}

/** What the trash holds: how many generations, and the bytes their files take. */
export function trashUsage(ctx: LibraryContext): { count: number; bytes: number } {
  const row = ctx
    .stmt(
      `SELECT count(*) AS count, coalesce(sum(v.bytes), 0) AS bytes FROM generations g
       LEFT JOIN videos v ON v.generation_id = g.id WHERE g.deleted_at IS NOT NULL`,
    )
    .get() as { count: number; bytes: number };
  return row;
}

function purgeRows(ctx: LibraryContext, rows: PurgeRow[]): PurgeResult {
  let freedBytes = 0;
  for (const row of rows) {
    // Both locations: a crash may have left a file at home though the row says trashed.
    for (const file of filesOf(ctx, row.id)) {
      freedBytes += removeFile(file.trashed) + removeFile(file.home);
    }
    if (row.part_rel_path) freedBytes += removeFile(absolutePath(ctx.root, row.part_rel_path));
    rmSync(trashFolder(ctx.root, row.id), { recursive: true, force: true });
  }
  inTransaction(ctx, () => {
    for (const row of rows) {
      unindexGeneration(ctx, row.id);
      ctx.stmt('DELETE FROM generations WHERE id = ?').run(row.id);
    }
    ctx
      .stmt('DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM generation_tags WHERE tag_id = tags.id)')
      .run();
  });
  const references = new Set(rows.map((row) => row.reference_image_path).filter((path) => path !== null));
  for (const relPath of references) {
    const stillUsed = ctx
      .stmt('SELECT 1 FROM generations WHERE reference_image_path = ? LIMIT 1')
      .get(relPath);
    if (!stillUsed) freedBytes += removeFile(absolutePath(ctx.root, relPath));
  }
  return { deleted: rows.length, freedBytes };
}
