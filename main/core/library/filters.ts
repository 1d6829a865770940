// Turns a LibraryQuery into WHERE terms for the grid's count and page queries. Following the
// SQLite notes (anchors §5.1), range filters never go into the MATCH expression: MATCH only yields
// rowids and everything else is plain SQL on the base table.
//
// The hard part is steering SQLite at 100k rows. A page can be found two ways:
//  - walk: follow the sort index and test each row until `limit` match; cheap when matches are
//    common, a walk of the whole index when they are rare;
//  - drive: fetch the rows of a selective source (the FTS matches, a tag's rows) and sort them;
//    cheap when they are few, a sort of everything when they are many.
// The planner cannot know how many rows a MATCH or a tag yields, so we count first (both counts
// read one index and take well under a millisecond for a typical word) and write the terms so
// SQLite can only go the right way: unary `+` makes a term a plain test no index can serve.
// Measured at 100k rows (bench/library-query.ts): walking for a word in 1 of 22 rows takes 1 ms
// where driving takes 6; driving for a word that matches nothing takes 0.1 ms where walking takes 8.
import { StudioError } from '../errors';
import { GENERATION_STATES } from '../jobs/states';
import type { LibraryContext } from './context';
import { ftsMatchExpression } from './fts';
import type { LibraryQuery } from './types';

/** A page drives from a source with at most this many rows; above, walking finds `limit` sooner. */
export const PAGE_DRIVE_LIMIT = 1_000;
/** A count drives from a source with fewer rows than this share of the table; above, testing every row is cheaper. */
export const COUNT_DRIVE_SHARE = 0.25;

export interface SqlFilter {
  where: string[];
  args: unknown[];
}

export interface FilterPlan {
  /** For the page: low-cardinality columns are plain tests, so SQLite walks the sort index. */
  page: SqlFilter;
  /** For the total: no order, so the facets index may serve the low-cardinality columns. */
  count: SqlFilter;
  /** `INDEXED BY` for the count, when only facet and date filters apply (the planner picks a table scan). */
  countIndex: string | null;
  /** When the text is the only filter: its FTS match count (trashed rows included). */
  plainSearchMatches: number | null;
}

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

const FTS_ROWIDS = 'SELECT rowid FROM generations_fts WHERE generations_fts MATCH ?';
const TAG_ROWS =
  'SELECT gt.generation_id FROM generation_tags gt WHERE gt.tag_id = (SELECT id FROM tags WHERE name = ?)';

function textMatchCount(ctx: LibraryContext, match: string): number {
  return ctx
    .stmt(`SELECT count(*) FROM generations_fts WHERE generations_fts MATCH ?`)
    .pluck()
    .get(match) as number;
}

function tagUseCount(ctx: LibraryContext, tag: string): number {
  return ctx.stmt(`SELECT count(*) FROM (${TAG_ROWS})`).pluck().get(tag) as number;
}

function validate(query: LibraryQuery): void {
  for (const state of query.states ?? []) {
    if (!GENERATION_STATES.includes(state)) throw invalid(`Unknown state filter: ${String(state)}`);
  }
  for (const [name, value] of [
    ['createdFrom', query.createdFrom],
    ['createdTo', query.createdTo],
  ] as const) {
    if (value !== undefined && !Number.isFinite(value))
      throw invalid(`${name} must be a time in milliseconds.`);
  }
}

type Source = 'text' | 'tag';

/** The smaller selective source if it has at most `limit` rows. */
function pickDriver(textRows: number | null, tagRows: number | null, limit: number): Source | null {
  const candidates: [Source, number][] = [];
  if (textRows !== null && textRows <= limit) candidates.push(['text', textRows]);
  if (tagRows !== null && tagRows <= limit) candidates.push(['tag', tagRows]);
  candidates.sort((a, b) => a[1] - b[1]);
  return candidates[0]?.[0] ?? null;
}

export function planFilters(ctx: LibraryContext, query: LibraryQuery): FilterPlan {
  validate(query);
  const match = ftsMatchExpression(query.text);
  const tag = query.tag?.trim() || undefined;
  const textRows = match === null ? null : textMatchCount(ctx, match);
  const tagRows = tag === undefined ? null : tagUseCount(ctx, tag);
  const tableRows = (ctx.stmt('SELECT max(seq) FROM generations').pluck().get() as number | null) ?? 0;
  const pageDriver = pickDriver(textRows, tagRows, PAGE_DRIVE_LIMIT);
  const countDriver = pickDriver(
    textRows,
    tagRows,
    Math.max(PAGE_DRIVE_LIMIT, tableRows * COUNT_DRIVE_SHARE),
  );

  const page: SqlFilter = { where: [], args: [] };
  const count: SqlFilter = { where: [], args: [] };
  const both = (term: string, ...args: unknown[]) => {
    page.where.push(term);
    page.args.push(...args);
    count.where.push(term);
    count.args.push(...args);
  };
  // Low-cardinality columns: a plain test for the page, indexable for the count.
  const facet = (column: string, value: unknown) => {
    page.where.push(`+${column} = ?`);
    page.args.push(value);
    count.where.push(`${column} = ?`);
    count.args.push(value);
  };
  // A selective source: the IN list drives when chosen, else it is a membership test (`+`).
  const source = (kind: Source, column: string, rows: string, value: unknown) => {
    page.where.push(`${pageDriver === kind ? '' : '+'}${column} IN (${rows})`);
    page.args.push(value);
    count.where.push(`${countDriver === kind ? '' : '+'}${column} IN (${rows})`);
    count.args.push(value);
  };

  both(query.trashed ? 'g.deleted_at IS NOT NULL' : 'g.deleted_at IS NULL');
  if (query.projectId === null) both('g.project_id IS NULL');
  else if (query.projectId !== undefined) both('g.project_id = ?', query.projectId);
  if (query.states && query.states.length > 0) {
    both(`g.state IN (${query.states.map(() => '?').join(', ')})`, ...query.states);
  }
  if (query.createdFrom !== undefined) both('g.created_at >= ?', query.createdFrom);
  if (query.createdTo !== undefined) both('g.created_at < ?', query.createdTo);
  // A literal, not a parameter: only then can SQLite prove the partial favourites index applies.
  if (query.favourite === true) both('g.favourite = 1');
  let facets = 0;
  const addFacet = (column: string, value: unknown) => {
    facets++;
    facet(column, value);
  };
  if (query.favourite === false) addFacet('g.favourite', 0);
  if (query.resolution !== undefined) addFacet('g.resolution', query.resolution);
  if (query.duration !== undefined) addFacet('g.duration', query.duration);
  if (query.aspectRatio !== undefined) addFacet('g.aspect_ratio', query.aspectRatio);
  if (query.mode !== undefined) addFacet('g.mode', query.mode);
  if (tag !== undefined) source('tag', 'g.id', TAG_ROWS, tag);
  if (match !== null) source('text', 'g.seq', FTS_ROWIDS, match);

  const onlyFacetsAndDates =
    facets > 0 &&
    !query.trashed &&
    query.projectId === undefined &&
    !query.states?.length &&
    query.favourite !== true &&
    tag === undefined &&
    match === null;
  const otherFilters = count.where.length - 2;
  return {
    page,
    count,
    countIndex: onlyFacetsAndDates ? 'generations_facets' : null,
    plainSearchMatches: match !== null && !query.trashed && otherFilters === 0 ? textRows : null,
  };
}
