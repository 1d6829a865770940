// Which text searches go by the merge of ./fts-merge.ts: a large text source (FilterPlan.ftsJoin)
// with a project or the favourites (pages and the capped count), or sorted by rating (pages, one
// rating level after another). Null means "not this way": the caller's plan stands.
import type { LibraryContext } from './context';
import { createdInSeqOrder } from './created-order';
import type { KeyValue } from './cursor';
import type { FilterPlan } from './filters';
import { cutOfDateKey, type IndexStream, mergeFtsWithIndex } from './fts-merge';
import type { LibraryQuery, SortKey } from './types';

/** The query's filter that has an index in date order, if any. */
function filterStream(query: LibraryQuery): IndexStream | null {
  if (query.projectId === null) return { where: 'g.project_id IS NULL AND g.deleted_at IS NULL', args: [] };
  if (query.projectId !== undefined) {
    return { where: 'g.project_id = ? AND g.deleted_at IS NULL', args: [query.projectId] };
  }
  // A literal: only then can SQLite prove the partial favourites index applies.
  if (query.favourite === true) return { where: 'g.deleted_at IS NULL AND g.favourite = 1', args: [] };
  return null;
}

function mergeable(
  ctx: LibraryContext,
  plan: FilterPlan,
): plan is FilterPlan & { ftsJoin: NonNullable<FilterPlan['ftsJoin']> } {
  return plan.ftsJoin !== null && createdInSeqOrder(ctx);
}

/** The count (up to `upTo`) of a text query with an indexed filter, or null. */
export function countByMerge(
  ctx: LibraryContext,
  query: LibraryQuery,
  plan: FilterPlan,
  upTo: number,
): number | null {
  const index = filterStream(query);
  if (!index || !mergeable(ctx, plan)) return null;
  const { match, rest } = plan.ftsJoin;
  return mergeFtsWithIndex(ctx, { match, index, rest, descending: true }, null, upTo).length;
}

function nextRatingBelow(ctx: LibraryContext, rating: number | null): number | null {
  return ctx
    .stmt(
      `SELECT max(rating) FROM generations INDEXED BY generations_rating
       WHERE deleted_at IS NULL ${rating === null ? '' : 'AND rating < ?'}`,
    )
    .pluck()
    .get(...(rating === null ? [] : [rating])) as number | null;
}

/** Up to `want` seqs of the page after `key`, in the sort's order, or null. */
export function pageByMerge(
  ctx: LibraryContext,
  query: LibraryQuery,
  plan: FilterPlan,
  sortKey: SortKey,
  key: KeyValue[] | null,
  want: number,
): number[] | null {
  if (!mergeable(ctx, plan)) return null;
  const { match, rest } = plan.ftsJoin;
  if (sortKey !== 'rating_desc') {
    const index = filterStream(query);
    if (!index) return null; // FTS rowid order alone serves it (query.ts)
    return mergeFtsWithIndex(
      ctx,
      { match, index, rest, descending: sortKey === 'created_desc' },
      cutOfDateKey(key),
      want,
    );
  }
  // Rating, then date, descending: each rating level is a date-ordered stretch of the rating index.
  const seqs: number[] = [];
  let rating = key ? Number(key[0]) : nextRatingBelow(ctx, null);
  let cut = key ? cutOfDateKey(key.slice(1)) : null;
  while (rating !== null && seqs.length < want) {
    const index = { where: 'g.deleted_at IS NULL AND g.rating = ?', args: [rating] };
    seqs.push(...mergeFtsWithIndex(ctx, { match, index, rest, descending: true }, cut, want - seqs.length));
    rating = nextRatingBelow(ctx, rating);
    cut = null;
  }
  return seqs;
}
