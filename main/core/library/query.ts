// The library grid's query: filters on the base table, optional full-text search joined by rowid,
// keyset pagination and a total count. Following the SQLite notes (anchors §5.1), range filters
// never go into the MATCH expression: MATCH only yields rowids, everything else is plain SQL that
// the indexes of migration 3 serve.
import { StudioError } from '../errors';
import { GENERATION_STATES } from '../jobs/states';
import type { LibraryContext } from './context';
import { decodeCursor, encodeCursor, type KeyValue } from './cursor';
import { ftsMatchExpression } from './fts';
import { GENERATION_COLUMNS, GENERATION_FROM, type GenerationRow, generationFromRow } from './rows';
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

interface Filter {
  where: string[];
  args: unknown[];
}

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

function buildFilter(query: LibraryQuery): Filter {
  const where: string[] = [query.trashed ? 'g.deleted_at IS NOT NULL' : 'g.deleted_at IS NULL'];
  const args: unknown[] = [];
  const equals = (column: string, value: unknown) => {
    where.push(`${column} = ?`);
    args.push(value);
  };
  if (query.projectId === null) where.push('g.project_id IS NULL');
  else if (query.projectId !== undefined) equals('g.project_id', query.projectId);
  if (query.states && query.states.length > 0) {
    for (const state of query.states) {
      if (!GENERATION_STATES.includes(state)) throw invalid(`Unknown state filter: ${String(state)}`);
    }
    where.push(`g.state IN (${query.states.map(() => '?').join(', ')})`);
    args.push(...query.states);
  }
  if (query.resolution !== undefined) equals('g.resolution', query.resolution);
  if (query.duration !== undefined) equals('g.duration', query.duration);
  if (query.aspectRatio !== undefined) equals('g.aspect_ratio', query.aspectRatio);
  if (query.mode !== undefined) equals('g.mode', query.mode);
  if (query.favourite !== undefined) equals('g.favourite', query.favourite ? 1 : 0);
  if (query.tag !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM generation_tags gt WHERE gt.generation_id = g.id
         AND gt.tag_id = (SELECT id FROM tags WHERE name = ?))`,
    );
    args.push(query.tag.trim());
  }
  if (query.createdFrom !== undefined) {
    where.push('g.created_at >= ?');
    args.push(query.createdFrom);
  }
  if (query.createdTo !== undefined) {
    where.push('g.created_at < ?');
    args.push(query.createdTo);
  }
  const match = ftsMatchExpression(query.text);
  if (match !== null) {
    where.push('g.seq IN (SELECT rowid FROM generations_fts WHERE generations_fts MATCH ?)');
    args.push(match);
  }
  return { where, args };
}

// Totals are cached per filter until anything changes. data_version moves when another
// connection (the CLI) commits; total_changes() moves when this one writes. Paging through a
// large filtered result then counts once, not once per page.
const totalCaches = new WeakMap<LibraryContext, Map<string, number>>();

function countTotal(ctx: LibraryContext, filter: Filter): number {
  const version = `${ctx.db.pragma('data_version', { simple: true })}:${ctx.stmt('SELECT total_changes()').pluck().get()}`;
  const key = `${version}|${filter.where.join(' AND ')}|${JSON.stringify(filter.args)}`;
  let cache = totalCaches.get(ctx);
  if (!cache) {
    cache = new Map();
    totalCaches.set(ctx, cache);
  }
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const total = ctx
    .stmt(`SELECT count(*) FROM generations g WHERE ${filter.where.join(' AND ')}`)
    .pluck()
    .get(...filter.args) as number;
  // Every key of an older version is stale; keep the map from growing.
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
  const filter = buildFilter(query);
  const total = countTotal(ctx, filter);

  const where = [...filter.where];
  const args = [...filter.args];
  if (query.cursor) {
    const key = decodeCursor(query.cursor, sortKey, sort.columns.length);
    const placeholders = key.map(() => '?').join(', ');
    where.push(`(${sort.columns.join(', ')}) ${sort.descending ? '<' : '>'} (${placeholders})`);
    args.push(...key);
  }
  const direction = sort.descending ? 'DESC' : 'ASC';
  const orderBy = sort.columns.map((column) => `${column} ${direction}`).join(', ');
  const rows = ctx
    .stmt(
      `SELECT ${GENERATION_COLUMNS} FROM ${GENERATION_FROM}
       WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`,
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
