// Reading a generation's lineage: its parents (where it came from) and children (what was made from
// it). Links are written by ./links.ts inside the transaction that creates the child.
import { LINK_KINDS, type Lineage, type LineageEntry, type LinkKind } from '../../../shared/domain/lineage';
import type { LibraryContext } from './context';
import { getGeneration } from './generations';

interface LinkRow {
  other_id: string;
  kind: string;
  frame_ms: number | null;
  position: number | null;
}

function entries(ctx: LibraryContext, rows: LinkRow[]): LineageEntry[] {
  const known = rows.filter((row) => LINK_KINDS.includes(row.kind as LinkKind));
  if (known.length < rows.length) ctx.warn('Some lineage links are of a kind this version does not know.');
  return known.map((row) => ({
    kind: row.kind as LinkKind,
    generationId: row.other_id,
    frameMs: row.frame_ms,
    position: row.position,
    record: getGeneration(ctx, row.other_id),
  }));
}

/** Where `id` came from and what was made from it (at most `limit` children, newest first). */
export function lineageOf(ctx: LibraryContext, id: string, limit = 200): Lineage {
  const parents = ctx
    .stmt(
      `SELECT parent_id AS other_id, kind, frame_ms, position FROM generation_links
       WHERE child_id = ? ORDER BY position IS NULL, position, created_at`,
    )
    .all(id) as LinkRow[];
  const children = ctx
    .stmt(
      `SELECT child_id AS other_id, kind, frame_ms, position FROM generation_links
       WHERE parent_id = ? ORDER BY created_at DESC, child_id DESC LIMIT ?`,
    )
    .all(id, limit) as LinkRow[];
  return { parents: entries(ctx, parents), children: entries(ctx, children) };
}
