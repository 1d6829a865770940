// Writing lineage links between generations (see shared/domain/lineage.ts; read in ./lineage.ts).
// A link names its parent by id without a foreign key, so purging a parent keeps the child's story
// ("continued from a deleted video"); the child's links go with the child (ON DELETE CASCADE).
import { LINK_KINDS, type NewLink } from '../../../shared/domain/lineage';
import { StudioError } from '../errors';
import type { LibraryContext } from './context';

function invalid(message: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage: message });
}

/** Records `links` for `childId`; call inside the transaction that creates the child. */
export function insertLinks(ctx: LibraryContext, childId: string, links: readonly NewLink[]): void {
  const now = ctx.clock.now();
  for (const link of links) {
    if (!LINK_KINDS.includes(link.kind)) throw invalid(`Unknown lineage link: ${String(link.kind)}`);
    if (link.parentId === childId) throw invalid('A video cannot be made from itself.');
    if (!ctx.stmt('SELECT 1 FROM generations WHERE id = ?').get(link.parentId)) {
      throw invalid(`The video this was made from (${link.parentId}) is not in the library.`);
    }
    const frameMs = link.frameMs ?? null;
    if (frameMs !== null && (!Number.isInteger(frameMs) || frameMs < 0)) {
      throw invalid('A frame time must be a whole, non-negative number of milliseconds.');
    }
    ctx
      .stmt(
        `INSERT OR REPLACE INTO generation_links (child_id, parent_id, kind, frame_ms, position, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(childId, link.parentId, link.kind, frameMs, link.position ?? null, now);
  }
}
