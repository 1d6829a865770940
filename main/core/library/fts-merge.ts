// Text search combined with a project or the favourites, while rows are in created order
// (./created-order.ts): the FTS matches (rowid order) are intersected with that filter's index
// (date order, which is then rowid order) one window of rowids at a time, inside SQLite: each
// window reads the FTS matches of its range into a list and walks the filter's rows in the range
// testing each against it. Both reads are sequential and the windows stop as soon as enough rows
// are found, so a page or a capped count costs about the rows the two hold in the range it covers,
// with no sort. The join it replaces looked up the table row of every FTS match (a random read
// each: 30–110 ms to count "fox" in one project at a million rows).
import type { LibraryContext } from './context';
import type { SqlFilter } from './filters';

/** The filter side: WHERE terms on `g` that name the rows of an index in date order. */
export interface IndexStream {
  where: string;
  args: unknown[];
}

export interface MergeSpec {
  match: string;
  index: IndexStream;
  /** The query's other terms (trash included), tested on the rows both sides hold. */
  rest: SqlFilter;
  descending: boolean;
}

/**
 * Rowids in the first window; each next one is four times larger, up to max. Few and large: an
 * FTS read bounded at both ends costs ~2.5 ms at a million rows whatever the range holds (it
 * seeks to the lower end from the start of each segment), so 4 096 rowids cost what 65 536 do.
 * Tests shrink them.
 */
export const WINDOWS = { first: 65_536, max: 1 << 21 };

interface Span {
  lo: number;
  hi: number;
}

function seqSpan(ctx: LibraryContext): Span | null {
  // Two subqueries: min and max in one SELECT would scan the table instead of reading two ends.
  const span = ctx
    .stmt('SELECT (SELECT min(seq) FROM generations) AS lo, (SELECT max(seq) FROM generations) AS hi')
    .get() as {
    lo: number | null;
    hi: number | null;
  };
  return span.lo === null || span.hi === null ? null : { lo: span.lo, hi: span.hi };
}

/** Seqs in [lo, hi] of both sides passing `rest`, in order, up to `limit`. */
function windowRows(ctx: LibraryContext, spec: MergeSpec, window: Span, limit: number): number[] {
  const { match, index, rest, descending } = spec;
  // The dates bounding the window's rows: rows in created order have dates in between, so the
  // filter's index is read by date and the seq range trims its ties at both ends.
  const dates = ctx
    .stmt(
      `SELECT (SELECT created_at FROM generations WHERE seq >= ? ORDER BY seq LIMIT 1),
              (SELECT created_at FROM generations WHERE seq <= ? ORDER BY seq DESC LIMIT 1)`,
    )
    .raw()
    .get(window.lo, window.hi) as [number | null, number | null];
  if (dates[0] === null || dates[1] === null) return [];
  // The filter's index drives, in the page's order (no sort), and each of its rows is tested
  // against the list of the window's FTS matches, built once (unary +: never an FTS probe per
  // row). The list is the FTS side: a word is usually rarer than a project's rows (2× faster
  // than the other way for "fox" in a project at a million rows).
  const dir = descending ? 'DESC' : 'ASC';
  return ctx
    .stmt(
      `SELECT g.seq FROM generations g
       WHERE ${index.where} AND g.created_at BETWEEN ? AND ? AND g.seq BETWEEN ? AND ?
         AND +g.seq IN (SELECT rowid FROM generations_fts WHERE generations_fts MATCH ? AND rowid BETWEEN ? AND ?)
         AND ${rest.where.join(' AND ')}
       ORDER BY g.created_at ${dir}, g.seq ${dir} LIMIT ?`,
    )
    .pluck()
    .all(
      ...index.args,
      dates[0],
      dates[1],
      window.lo,
      window.hi,
      match,
      window.lo,
      window.hi,
      ...rest.args,
      limit,
    ) as number[];
}

/**
 * Up to `want` seqs matching `spec`, in seq order (descending or not), strictly beyond `after`
 * (the last seq of the previous page). Only while rows are in created order.
 */
export function mergeFtsWithIndex(
  ctx: LibraryContext,
  spec: MergeSpec,
  after: number | null,
  want: number,
): number[] {
  const span = seqSpan(ctx);
  if (!span) return [];
  const out: number[] = [];
  let size = WINDOWS.first;
  let edge = after ?? (spec.descending ? span.hi + 1 : span.lo - 1);
  while (out.length < want) {
    const window = spec.descending
      ? { lo: Math.max(span.lo, edge - size), hi: edge - 1 }
      : { lo: edge + 1, hi: Math.min(span.hi, edge + size) };
    if (window.lo > window.hi) break;
    out.push(...windowRows(ctx, spec, window, want - out.length));
    edge = spec.descending ? window.lo : window.hi;
    size = Math.min(size * 4, WINDOWS.max);
  }
  return out;
}
