// Which text searches go another way than query.ts's own plan, while rows are in created order
// and the text source is too large to drive (FilterPlan.ftsJoin): with a project or the
// favourites, pages and the capped count by the windowed merge of ./fts-merge.ts; sorted by
// rating, pages level by level (./rating-text-pages.ts). Null means "not this way".
import type { LibraryContext } from './context';
import { createdInSeqOrder } from './created-order';
import type { KeyValue } from './cursor';
import type { FilterPlan } from './filters';
import { type IndexStream, mergeFtsWithIndex } from './fts-merge';
import { ratingPageByLevels } from './rating-text-pages';
import type { LibraryQuery, SortKey } from './types';
import { memoInVersion } from './version-memo';

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

type Joinable = FilterPlan & { ftsJoin: NonNullable<FilterPlan['ftsJoin']> };

function joinable(ctx: LibraryContext, plan: FilterPlan): plan is Joinable {
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
  if (!index || !joinable(ctx, plan)) return null;
  return newestMerged(ctx, plan.ftsJoin, index, upTo).length;
}

/**
 * The first `upTo` rows of the merge, newest first, once per version: the count walks them, and
 * the first page (newest first) is their head, so a first page does the work once.
 */
function newestMerged(
  ctx: LibraryContext,
  join: Joinable['ftsJoin'],
  index: IndexStream,
  upTo: number,
): number[] {
  const { match, rest } = join;
  return memoInVersion(ctx, `merged|${upTo}|${JSON.stringify([match, index, rest])}`, () =>
    mergeFtsWithIndex(ctx, { match, index, rest, descending: true }, null, upTo),
  );
}

/**
 * Up to `want` seqs of the page after `key`, in the sort's order, or null. `countUpTo` is what
 * countByMerge was asked for: a first page newest first reuses the rows that count walked.
 */
export function pageByMerge(
  ctx: LibraryContext,
  query: LibraryQuery,
  plan: FilterPlan,
  sortKey: SortKey,
  key: KeyValue[] | null,
  want: number,
  countUpTo: number,
): number[] | null {
  if (!joinable(ctx, plan)) return null;
  const { match, rest } = plan.ftsJoin;
  if (sortKey === 'rating_desc') return ratingPageByLevels(ctx, { match, rest }, key, want);
  const index = filterStream(query);
  if (!index) return null; // FTS rowid order alone serves it (query.ts)
  if (!key && sortKey === 'created_desc') {
    const head = newestMerged(ctx, plan.ftsJoin, index, Math.max(want, countUpTo));
    return head.slice(0, want);
  }
  const after = key ? Number(key[key.length - 1]) : null;
  return mergeFtsWithIndex(ctx, { match, index, rest, descending: sortKey === 'created_desc' }, after, want);
}
