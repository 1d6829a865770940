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
// Measured on the raw page SQL at 100k rows: walking for a word in 1 of 22 rows takes 1 ms where
// driving takes 6; driving for a word that matches nothing takes 0.1 ms where walking takes 8.
// bench/library-query.ts measures the whole query.

import { GENERATION_STATES } from '../../../shared/domain/states';
import { StudioError } from '../errors';
import type { LibraryContext } from './context';
import { searchMatch } from './search-match';
import type { LibraryQuery } from './types';
import { memoInVersion } from './version-memo';

/** A page drives from a source with at most this many rows; above, walking finds `limit` sooner. */
export const PAGE_DRIVE_LIMIT = 1_000;
/** A count drives from a source with fewer rows than this share of the table; above, testing every row is cheaper. */
export const COUNT_DRIVE_SHARE = 0.25;

export interface SqlFilter {
  where: string[];
  args: unknown[];
}

export interface FilterPlan {
  page: SqlFilter;
  count: SqlFilter;
  /** `INDEXED BY` for the count when only facet and date filters apply (the planner would scan the table). */
  countIndex: string | null;
  /**
   * When one selective source is the only filter, the total is its row count (counted up to the
   * total cap + 1) minus its rows in the trash; `trashed` counts those (run it only when the trash
   * is not empty).
   */
  shortcut: { rows: number; trashed: SqlFilter } | null;
  /**
   * With a text source too large to drive a page (and no other source that can): its MATCH
   * expression and the other terms, each a plain per-row test, for reading the matches straight
   * from the FTS index joined to the table. Counts go that way (stopping at the cap), and so do
   * pages sorted by date while rows are in created order (./created-order.ts).
   */
  ftsJoin: { match: string; rest: SqlFilter } | null;
}

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

type Source = 'text' | 'tag';

const EVERY_RESOLUTION = `g.resolution IN (SELECT DISTINCT resolution FROM generations INDEXED BY generations_facets
  WHERE deleted_at IS NULL)`;
const FTS_ROWIDS = 'SELECT rowid FROM generations_fts WHERE generations_fts MATCH ?';
const TAG_ID = '(SELECT id FROM tags WHERE name = ?)';

/**
 * SQL for a selective source: an IN list that can drive, or a per-row test that cannot. SQLite
 * builds the whole IN list of the text test first, so a large text source is read by joining the
 * FTS index instead (FilterPlan.ftsJoin). A probe of the index at one rowid is no way out: FTS5
 * takes about half a millisecond per probe at a million rows.
 */
const SOURCE_SQL: Record<Source, { drive: string; test: string }> = {
  text: { drive: `g.seq IN (${FTS_ROWIDS})`, test: `+g.seq IN (${FTS_ROWIDS})` },
  // Per row, an EXISTS probe of the (generation_id, tag_id) key is cheaper than building the
  // whole IN list of a common tag for every page.
  tag: {
    drive: `g.id IN (SELECT gt.generation_id FROM generation_tags gt WHERE gt.tag_id = ${TAG_ID})`,
    test: `EXISTS (SELECT 1 FROM generation_tags gt WHERE gt.generation_id = g.id AND gt.tag_id = ${TAG_ID})`,
  },
};

/**
 * Rows a source yields, counted up to `upTo`: a common word or prefix has hundreds of thousands
 * of matches at a million rows, and counting them all took longer than the page itself. Above
 * `upTo` only "many" matters (walk the sort index, cap the total).
 */
function sourceRows(ctx: LibraryContext, kind: Source, value: string, upTo: number): number {
  const sql =
    kind === 'text'
      ? 'SELECT count(*) FROM (SELECT 1 FROM generations_fts WHERE generations_fts MATCH ? LIMIT ?)'
      : `SELECT count(*) FROM (SELECT 1 FROM generation_tags WHERE tag_id = ${TAG_ID} LIMIT ?)`;
  // Once per version of the library: keyset pages of the same query reuse it.
  return memoInVersion(
    ctx,
    `rows|${kind}|${upTo}|${value}`,
    () => ctx.stmt(sql).pluck().get(value, upTo) as number,
  );
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

/** The smaller selective source, if it has at most `limit` rows. */
function pickDriver(rows: Partial<Record<Source, number>>, limit: number): Source | null {
  const candidates = (Object.entries(rows) as [Source, number][]).filter(([, n]) => n <= limit);
  candidates.sort((a, b) => a[1] - b[1]);
  return candidates[0]?.[0] ?? null;
}

interface Term {
  /** base: project, state, dates, favourites (have their own indexes); facet: low-cardinality columns. */
  kind: 'base' | 'facet' | Source;
  /** The term written so an index may serve it, and written so none can (unary +). */
  indexable: string;
  plain: string;
  args: unknown[];
}

function column(kind: 'base' | 'facet', sql: string, ...args: unknown[]): Term {
  return { kind, indexable: sql, plain: `+${sql}`, args };
}

function termsOf(query: LibraryQuery, text: string | null, tag: string | undefined): Term[] {
  const terms: Term[] = [];
  if (query.projectId === null) terms.push(column('base', 'g.project_id IS NULL'));
  else if (query.projectId !== undefined) terms.push(column('base', 'g.project_id = ?', query.projectId));
  if (query.batchId !== undefined) terms.push(column('base', 'g.batch_id = ?', query.batchId));
  if (query.states && query.states.length > 0) {
    terms.push(column('base', `g.state IN (${query.states.map(() => '?').join(', ')})`, ...query.states));
  }
  if (query.createdFrom !== undefined) terms.push(column('base', 'g.created_at >= ?', query.createdFrom));
  if (query.createdTo !== undefined) terms.push(column('base', 'g.created_at < ?', query.createdTo));
  // A literal, not a parameter: only then can SQLite prove the partial favourites index applies.
  if (query.favourite === true) terms.push(column('base', 'g.favourite = 1'));
  if (query.favourite === false) terms.push(column('facet', 'g.favourite = 0'));
  if (query.resolution !== undefined) terms.push(column('facet', 'g.resolution = ?', query.resolution));
  if (query.duration !== undefined) terms.push(column('facet', 'g.duration = ?', query.duration));
  if (query.aspectRatio !== undefined) terms.push(column('facet', 'g.aspect_ratio = ?', query.aspectRatio));
  if (query.mode !== undefined) terms.push(column('facet', 'g.mode = ?', query.mode));
  if (query.model !== undefined) terms.push(column('facet', 'g.model = ?', query.model));
  if (tag !== undefined)
    terms.push({ kind: 'tag', indexable: SOURCE_SQL.tag.drive, plain: SOURCE_SQL.tag.test, args: [tag] });
  if (text !== null) {
    terms.push({ kind: 'text', indexable: SOURCE_SQL.text.drive, plain: SOURCE_SQL.text.test, args: [text] });
  }
  return terms;
}

/**
 * Writes the terms for one query. With a driver, only the driver is indexable, so SQLite fetches
 * its rows and tests the rest. Without one, the page walks the sort index (facets are plain tests,
 * or SQLite would walk the facets index and sort every match) and the count may use any index.
 */
function write(trash: string, terms: Term[], driver: Source | null, forPage: boolean): SqlFilter {
  const filter: SqlFilter = { where: [trash], args: [] };
  for (const term of terms) {
    let indexable: boolean;
    if (term.kind === 'text' || term.kind === 'tag') indexable = term.kind === driver;
    else if (driver !== null) indexable = false;
    else indexable = term.kind === 'base' || !forPage;
    filter.where.push(indexable ? term.indexable : term.plain);
    filter.args.push(...term.args);
  }
  return filter;
}

/**
 * The page and count filters for `query`. Sources are counted up to `totalCap + 1`: a source with
 * more rows never drives the count either (its IN list would hold every match), the count walks
 * and stops at the cap instead.
 */
export function planFilters(ctx: LibraryContext, query: LibraryQuery, totalCap: number): FilterPlan {
  validate(query);
  const text = searchMatch(ctx, query.text);
  const tag = query.tag?.trim() || undefined;
  const upTo = Math.max(totalCap, PAGE_DRIVE_LIMIT) + 1;
  const rows: Partial<Record<Source, number>> = {};
  if (text !== null) rows.text = sourceRows(ctx, 'text', text, upTo);
  if (tag !== undefined) rows.tag = sourceRows(ctx, 'tag', tag, upTo);
  const tableRows = (ctx.stmt('SELECT max(seq) FROM generations').pluck().get() as number | null) ?? 0;
  const pageDriver = pickDriver(rows, PAGE_DRIVE_LIMIT);
  const countDriver = pickDriver(
    rows,
    Math.min(upTo - 1, Math.max(PAGE_DRIVE_LIMIT, tableRows * COUNT_DRIVE_SHARE)),
  );

  const terms = termsOf(query, text, tag);
  const trash = query.trashed ? 'g.deleted_at IS NOT NULL' : 'g.deleted_at IS NULL';
  const only = terms.length === 1 ? terms[0] : undefined;
  let shortcut: FilterPlan['shortcut'] = null;
  if (!query.trashed && only && (only.kind === 'text' || only.kind === 'tag')) {
    shortcut = {
      rows: rows[only.kind] ?? 0,
      trashed: { where: ['g.deleted_at IS NOT NULL', only.plain], args: only.args },
    };
  }
  let ftsJoin: FilterPlan['ftsJoin'] = null;
  // Not for the trash: it is small, and walking its index beats reading every match.
  if (text !== null && pageDriver === null && !query.trashed) {
    // Every other term a plain test: the FTS index is the only way in.
    const others = terms.filter((term) => term.kind !== 'text');
    ftsJoin = {
      match: text,
      rest: {
        where: [`+${trash}`, ...others.map((term) => term.plain)],
        args: others.flatMap((term) => term.args),
      },
    };
  }
  const onlyFacetsAndDates =
    !query.trashed &&
    terms.some((term) => term.kind === 'facet') &&
    terms.every((term) => term.kind === 'facet' || term.indexable.startsWith('g.created_at'));
  const count = write(trash, terms, countDriver, false);
  // The facets index leads with resolution: without a resolution filter SQLite scanned all of it
  // (20–90 ms at a million rows). Naming every resolution present (a skip over the index, 0.02 ms)
  // turns the count into one seek per resolution; the set is read, so it is exact.
  if (onlyFacetsAndDates && query.resolution === undefined) count.where.push(EVERY_RESOLUTION);
  return {
    page: write(trash, terms, pageDriver, true),
    count,
    countIndex: onlyFacetsAndDates ? 'generations_facets' : null,
    shortcut,
    ftsJoin,
  };
}
