// The library grid's query: keyset pagination over the filters of ./filters and a total count.
import { StudioError } from '../errors';
import type { LibraryContext } from './context';
import { decodeCursor, encodeCursor, type KeyValue } from './cursor';
import { type FilterPlan, planFilters } from './filters';
import { ftsMatchExpression } from './fts';
import { GENERATION_COLUMNS, type GenerationRow, generationFromRow, VIDEO_JOIN } from './rows';
import type { LibraryPage, LibraryQuery, SortKey } from './types';

export const DEFAULT_PAGE_SIZE = 60;
export const MAX_PAGE_SIZE = 500;

interface SortSpec {
  columns: string[];
  descending: boolean;
  keyOf(row: GenerationRow): KeyValue[];
}

const SORTS: Record<SortKey, SortSpec> = {
  created_desc: {
    columns: ['g.created_at', 'g.id'],
    descending: true,
    keyOf: (row) => [row.created_at, row.id],
  },
  created_asc: {
    columns: ['g.created_at', 'g.id'],
    descending: false,
    keyOf: (row) => [row.created_at, row.id],
  },
  rating_desc: {
    columns: ['g.rating', 'g.created_at', 'g.id'],
    descending: true,
    keyOf: (row) => [row.rating, row.created_at, row.id],
  },
};

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

function countMatches(ctx: LibraryContext, plan: FilterPlan, text: string | undefined): number {
  if (plan.plainSearchMatches !== null) {
    // The search box alone: FTS has counted its matches already; subtract the few in the trash
    // (usually none, and then the match set need not be built a second time).
    const trashIsEmpty = !ctx.stmt('SELECT 1 FROM generations WHERE deleted_at IS NOT NULL LIMIT 1').get();
    if (trashIsEmpty) return plan.plainSearchMatches;
    const trashed = ctx
      .stmt(
        `SELECT count(*) FROM generations g WHERE g.deleted_at IS NOT NULL
         AND +g.seq IN (SELECT rowid FROM generations_fts WHERE generations_fts MATCH ?)`,
      )
      .pluck()
      .get(ftsMatchExpression(text)) as number;
    return plan.plainSearchMatches - trashed;
  }
  const indexedBy = plan.countIndex ? ` INDEXED BY ${plan.countIndex}` : '';
  return ctx
    .stmt(`SELECT count(*) FROM generations g${indexedBy} WHERE ${plan.count.where.join(' AND ')}`)
    .pluck()
    .get(...plan.count.args) as number;
}

// Totals are cached per filter until anything changes. data_version moves when another
// connection (the CLI) commits; total_changes() moves when this one writes. Paging through a
// large filtered result then counts once, not once per page.
const totalCaches = new WeakMap<LibraryContext, Map<string, number>>();

function cachedTotal(ctx: LibraryContext, query: LibraryQuery, compute: () => number): number {
  const { sort: _sort, limit: _limit, cursor: _cursor, ...filters } = query;
  const version = `${ctx.db.pragma('data_version', { simple: true })}:${ctx.stmt('SELECT total_changes()').pluck().get()}`;
  const key = `${version}|${JSON.stringify(filters)}`;
  let cache = totalCaches.get(ctx);
  if (!cache) {
    cache = new Map();
    totalCaches.set(ctx, cache);
  }
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const total = compute();
  // Keys of older versions are stale; keep the map from growing.
  if (cache.size > 64) cache.clear();
  cache.set(key, total);
  return total;
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw invalid('The page size must be a positive whole number.');
  return Math.min(limit, MAX_PAGE_SIZE);
}

export function queryGenerations(ctx: LibraryContext, query: LibraryQuery): LibraryPage {
  const sortKey = query.sort ?? 'created_desc';
  const sort = SORTS[sortKey];
  if (!sort) throw invalid(`Unknown sort: ${String(sortKey)}`);
  const limit = pageSize(query.limit);
  const plan = planFilters(ctx, query);
  const total = cachedTotal(ctx, query, () => countMatches(ctx, plan, query.text));

  const where = [...plan.page.where];
  const args = [...plan.page.args];
  if (query.cursor) {
    const key = decodeCursor(query.cursor, sortKey, sort.columns.length);
    where.push(
      `(${sort.columns.join(', ')}) ${sort.descending ? '<' : '>'} (${key.map(() => '?').join(', ')})`,
    );
    args.push(...key);
  }
  const direction = sort.descending ? 'DESC' : 'ASC';
  const orderBy = sort.columns.map((column) => `${column} ${direction}`).join(', ');
  // Pick the page's rows on the narrow table first, then hydrate only those: sorting and the
  // per-row tag subquery then touch `limit` rows, never every match.
  const rows = ctx
    .stmt(
      `WITH page AS MATERIALIZED (
         SELECT g.seq FROM generations g WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?
       )
       SELECT ${GENERATION_COLUMNS} FROM page JOIN generations g ON g.seq = page.seq ${VIDEO_JOIN}
       ORDER BY ${orderBy}`,
    )
    .all(...args, limit + 1) as GenerationRow[];

  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((row) => generationFromRow(ctx, row)),
    nextCursor: hasMore && last ? encodeCursor(sortKey, sort.keyOf(last)) : null,
    total,
  };
}
