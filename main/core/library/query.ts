// The library grid's query: keyset pagination over the filters of ./filters and a total count.
// Ties in the sort key are broken by seq (insertion order): it is the rowid, so every index
// carries it for free, where a 26-character id would triple the size of the sort indexes.
import { StudioError } from '../errors';
import type { LibraryContext } from './context';
import { createdInSeqOrder } from './created-order';
import { decodeCursor, encodeCursor, type KeyValue } from './cursor';
import { type FilterPlan, planFilters, type SqlFilter } from './filters';
import { ftsMatchExpression } from './fts';
import { GENERATION_COLUMNS, type GenerationRow, generationFromRow, VIDEO_JOIN } from './rows';
import { countByMerge, pageByMerge } from './text-pages';
import type { LibraryPage, LibraryQuery, LibrarySkip, SortKey } from './types';
import { memoInVersion } from './version-memo';

export const DEFAULT_PAGE_SIZE = 60;
export const MAX_PAGE_SIZE = 500;

interface SortSpec {
  columns: string[];
  descending: boolean;
  keyOf(row: GenerationRow): KeyValue[];
}

export const SORTS: Record<SortKey, SortSpec> = {
  created_desc: {
    columns: ['g.created_at', 'g.seq'],
    descending: true,
    keyOf: (row) => [row.created_at, row.seq],
  },
  created_asc: {
    columns: ['g.created_at', 'g.seq'],
    descending: false,
    keyOf: (row) => [row.created_at, row.seq],
  },
  rating_desc: {
    columns: ['g.rating', 'g.created_at', 'g.seq'],
    descending: true,
    keyOf: (row) => [row.rating, row.created_at, row.seq],
  },
};

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

/**
 * Totals above this are reported as "at least this many" (`totalCapped`): counting every match of
 * a common word or a broad filter at a million rows took 40–150 ms, on the thread that serves the
 * UI, for a number the grid only needs to size its scrollbar (it grows as pages arrive).
 */
export const TOTAL_CAP = 10_000;
/**
 * The cap when a large text source is combined with other filters: that count looks up a table
 * row per FTS match (random reads across the whole table), about 10 µs each on a quiet machine.
 */
export const JOINED_TOTAL_CAP = 1_000;

/** How many matches a count of a text source with other filters reads: one past its cap. */
function joinedCountUpTo(totalCap: number): number {
  return Math.min(totalCap, JOINED_TOTAL_CAP) + 1;
}

interface Total {
  total: number;
  capped: boolean;
}

function countMatches(ctx: LibraryContext, query: LibraryQuery, plan: FilterPlan, cap: number): Total {
  // Stops at cap + 1 matches: only "more than the cap" matters beyond it.
  const count = (filter: SqlFilter, indexedBy = '') =>
    ctx
      .stmt(
        `SELECT count(*) FROM (SELECT 1 FROM generations g${indexedBy} WHERE ${filter.where.join(' AND ')} LIMIT ?)`,
      )
      .pluck()
      .get(...filter.args, cap + 1) as number;
  let matches: number;
  const { shortcut } = plan;
  // The trash is usually empty, and then the source's own count is the total.
  const trashIsEmpty = () =>
    !ctx.stmt('SELECT 1 FROM generations WHERE deleted_at IS NOT NULL LIMIT 1').get();
  if (shortcut && (shortcut.rows <= cap || trashIsEmpty())) {
    matches = shortcut.rows - (shortcut.rows > cap || trashIsEmpty() ? 0 : count(shortcut.trashed));
  } else if (plan.ftsJoin) {
    const joinedCap = joinedCountUpTo(cap) - 1;
    const { match, rest } = plan.ftsJoin;
    matches =
      countByMerge(ctx, query, plan, joinedCap + 1) ??
      (ctx
        .stmt(
          `SELECT count(*) FROM (SELECT 1 FROM generations_fts JOIN generations g ON g.seq = generations_fts.rowid
         WHERE generations_fts MATCH ? AND ${rest.where.join(' AND ')} LIMIT ?)`,
        )
        .pluck()
        .get(match, ...rest.args, joinedCap + 1) as number);
    return matches > joinedCap ? { total: joinedCap, capped: true } : { total: matches, capped: false };
  } else {
    matches = count(plan.count, plan.countIndex ? ` INDEXED BY ${plan.countIndex}` : '');
  }
  return matches > cap ? { total: cap, capped: true } : { total: matches, capped: false };
}

/** The total, counted once per filter and version of the library (./version-memo.ts). */
function cachedTotal(ctx: LibraryContext, query: LibraryQuery, cap: number, compute: () => Total): Total {
  const { sort: _sort, limit: _limit, cursor: _cursor, ...filters } = query;
  return memoInVersion(ctx, `total|${cap}|${JSON.stringify(filters)}`, compute);
}

/**
 * The total when the only filters are project, state and trash: read from the count tables the
 * triggers keep (./count-tables.ts), so the first page of the grid and of a project never waits
 * for a count of the table, at any size. Null when another filter applies.
 */
function totalFromCounts(ctx: LibraryContext, query: LibraryQuery): number | null {
  const { sort: _s, limit: _l, cursor: _c, projectId, states, trashed, text, tag, ...others } = query;
  if (Object.values(others).some((value) => value !== undefined)) return null;
  if (ftsMatchExpression(text) !== null || (tag !== undefined && tag.trim() !== '')) return null;
  const where = ['trashed = ?'];
  const args: unknown[] = [trashed ? 1 : 0];
  if (projectId !== undefined) {
    where.push('project_id = ?');
    args.push(projectId ?? '');
  }
  if (states && states.length > 0) {
    where.push(`state IN (${states.map(() => '?').join(', ')})`);
    args.push(...states);
  }
  return ctx
    .stmt(`SELECT coalesce(sum(n), 0) FROM generation_counts WHERE ${where.join(' AND ')}`)
    .pluck()
    .get(...args) as number;
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw invalid('The page size must be a positive whole number.');
  return Math.min(limit, MAX_PAGE_SIZE);
}

interface Pick {
  sql: string;
  args: unknown[];
}

/** The page's seqs by walking the sort index (or a small driving source) with the filters. */
function pickBySortIndex(plan: FilterPlan, sort: SortSpec, orderBy: string, key: KeyValue[] | null): Pick {
  const where = [...plan.page.where];
  const args = [...plan.page.args];
  if (key) {
    where.push(
      `(${sort.columns.join(', ')}) ${sort.descending ? '<' : '>'} (${key.map(() => '?').join(', ')})`,
    );
    args.push(...key);
  }
  return {
    sql: `SELECT g.seq FROM generations g WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`,
    args,
  };
}

/**
 * The page's seqs read from the FTS index in rowid order, which is date order while rows are in
 * created order: no match list is built or sorted, whatever the number of matches. The cursor's
 * last value is the seq of the previous page's last row.
 */
function pickInRowidOrder(
  join: NonNullable<FilterPlan['ftsJoin']>,
  descending: boolean,
  key: KeyValue[] | null,
): Pick {
  const where = ['generations_fts MATCH ?', ...join.rest.where];
  const args: unknown[] = [join.match, ...join.rest.args];
  if (key) {
    where.push(`generations_fts.rowid ${descending ? '<' : '>'} ?`);
    args.push(key[key.length - 1]);
  }
  return {
    sql: `SELECT g.seq FROM generations_fts JOIN generations g ON g.seq = generations_fts.rowid
      WHERE ${where.join(' AND ')} ORDER BY generations_fts.rowid ${descending ? 'DESC' : 'ASC'} LIMIT ?`,
    args,
  };
}

interface PagePlan {
  sortKey: SortKey;
  sort: SortSpec;
  limit: number;
  orderBy: string;
  /** Picks limit + 1 seqs (the extra one says whether there is more). */
  pick: Pick;
  total: number;
  capped: boolean;
}

/** What a page of `query` is: its total and how its rows are picked (shared by query and skip). */
function planPage(ctx: LibraryContext, query: LibraryQuery, totalCap: number): PagePlan {
  const sortKey = query.sort ?? 'created_desc';
  const sort = SORTS[sortKey];
  if (!sort) throw invalid(`Unknown sort: ${String(sortKey)}`);
  const limit = pageSize(query.limit);
  const plan = planFilters(ctx, query, totalCap);
  const exact = totalFromCounts(ctx, query);
  const { total, capped } =
    exact === null
      ? cachedTotal(ctx, query, totalCap, () => countMatches(ctx, query, plan, totalCap))
      : { total: exact, capped: false };

  const direction = sort.descending ? 'DESC' : 'ASC';
  const orderBy = sort.columns.map((column) => `${column} ${direction}`).join(', ');
  const key = query.cursor ? decodeCursor(query.cursor, sortKey, sort.columns.length) : null;
  // Pick the page's rows on the narrow table first, then hydrate only those: sorting and the
  // per-row tag subquery then touch `limit` rows, never every match.
  const merged = pageByMerge(ctx, query, plan, sortKey, key, limit + 1, joinedCountUpTo(totalCap));
  const pick: Pick = merged
    ? { sql: 'SELECT value AS seq FROM json_each(?) LIMIT ?', args: [JSON.stringify(merged)] }
    : plan.ftsJoin && sortKey !== 'rating_desc' && createdInSeqOrder(ctx)
      ? pickInRowidOrder(plan.ftsJoin, sort.descending, key)
      : pickBySortIndex(plan, sort, orderBy, key);
  return { sortKey, sort, limit, orderBy, pick, total, capped };
}

/** The cursor after the page's last row, when there are rows after it. */
function cursorAfter(page: PagePlan, rows: GenerationRow[]): string | null {
  const last = rows[Math.min(rows.length, page.limit) - 1];
  return rows.length > page.limit && last ? encodeCursor(page.sortKey, page.sort.keyOf(last)) : null;
}

/** One page of the grid; `totalCap` is for tests (the store always uses TOTAL_CAP). */
export function queryGenerations(
  ctx: LibraryContext,
  query: LibraryQuery,
  totalCap = TOTAL_CAP,
): LibraryPage {
  const page = planPage(ctx, query, totalCap);
  const rows = ctx
    .stmt(
      `WITH page AS MATERIALIZED (${page.pick.sql})
       SELECT ${GENERATION_COLUMNS} FROM page JOIN generations g ON g.seq = page.seq ${VIDEO_JOIN}
       ORDER BY ${page.orderBy}`,
    )
    .all(...page.pick.args, page.limit + 1) as GenerationRow[];
  return {
    items: rows.slice(0, page.limit).map((row) => generationFromRow(ctx, row)),
    nextCursor: cursorAfter(page, rows),
    total: page.total,
    ...(page.capped ? { totalCapped: true as const } : {}),
  };
}

/**
 * The same page's size and next cursor without its records (library.skip: a fling far down the
 * grid passes pages it will never show): only the sort keys are read, no row is built or tagged.
 */
export function skipGenerations(ctx: LibraryContext, query: LibraryQuery, totalCap = TOTAL_CAP): LibrarySkip {
  const page = planPage(ctx, query, totalCap);
  const rows = ctx
    .stmt(
      `WITH page AS MATERIALIZED (${page.pick.sql})
       SELECT g.created_at, g.seq, g.rating FROM page JOIN generations g ON g.seq = page.seq
       ORDER BY ${page.orderBy}`,
    )
    .all(...page.pick.args, page.limit + 1) as GenerationRow[];
  return {
    count: Math.min(rows.length, page.limit),
    nextCursor: cursorAfter(page, rows),
    total: page.total,
    ...(page.capped ? { totalCapped: true as const } : {}),
  };
}
