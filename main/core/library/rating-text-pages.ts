// A large text search sorted by rating, while rows are in created order: one rating level after
// another, each a date-ordered (so rowid-ordered) stretch. Within a level the page is found the
// cheaper of two ways, without knowing the level's size in advance (counting it would read the
// table: the rating index is partial, so SQLite checks every row it lists):
//  - a common level: the next FTS matches in rowid order, each tested for the level (a bounded
//    batch of them, a table read each);
//  - a rare level, when the batch did not fill the page: the level's rows below the batch, walked
//    in the rating index and tested against the list of the FTS matches below it.
// What it replaces built the list of every match of the text before walking the rating index.
import type { LibraryContext } from './context';
import type { KeyValue } from './cursor';
import type { SqlFilter } from './filters';

/** FTS matches tested one by one before a level counts as rare. Tests shrink it. */
export const LEVEL = { batch: 4_096 };

function nextRatingBelow(ctx: LibraryContext, rating: number | null): number | null {
  return ctx
    .stmt(
      `SELECT max(rating) FROM generations INDEXED BY generations_rating
       WHERE deleted_at IS NULL ${rating === null ? '' : 'AND rating < ?'}`,
    )
    .pluck()
    .get(...(rating === null ? [] : [rating])) as number | null;
}

function levelPage(
  ctx: LibraryContext,
  spec: { match: string; rest: SqlFilter },
  rating: number,
  below: number | null,
  want: number,
): number[] {
  const { match, rest } = spec;
  const batchSql = `SELECT rowid FROM generations_fts WHERE generations_fts MATCH ? ${below === null ? '' : 'AND rowid < ?'}
    ORDER BY rowid DESC LIMIT ${LEVEL.batch}`;
  const batchArgs = below === null ? [match] : [match, below];
  const common = ctx
    .stmt(
      `SELECT g.seq FROM (${batchSql}) f CROSS JOIN generations g ON g.seq = f.rowid
       WHERE +g.rating = ? AND ${rest.where.join(' AND ')} ORDER BY f.rowid DESC LIMIT ?`,
    )
    .pluck()
    .all(...batchArgs, rating, ...rest.args, want) as number[];
  if (common.length >= want) return common;
  const batch = ctx
    .stmt(`SELECT count(*), min(rowid) FROM (${batchSql})`)
    .raw()
    .get(...batchArgs) as [number, number | null];
  if (batch[0] < LEVEL.batch || batch[1] === null) return common; // every match of the level seen
  const rare = ctx
    .stmt(
      `SELECT g.seq FROM generations g
       WHERE g.deleted_at IS NULL AND g.rating = ?
         AND (g.created_at, g.seq) < ((SELECT created_at FROM generations WHERE seq = ?), ?)
         AND +g.seq IN (SELECT rowid FROM generations_fts WHERE generations_fts MATCH ? AND rowid < ?)
         AND ${rest.where.join(' AND ')}
       ORDER BY g.created_at DESC, g.seq DESC LIMIT ?`,
    )
    .pluck()
    .all(rating, batch[1], batch[1], match, batch[1], ...rest.args, want - common.length) as number[];
  return [...common, ...rare];
}

/** Up to `want` seqs after the rating cursor `key` ([rating, created_at, seq]) or from the top. */
export function ratingPageByLevels(
  ctx: LibraryContext,
  spec: { match: string; rest: SqlFilter },
  key: KeyValue[] | null,
  want: number,
): number[] {
  const seqs: number[] = [];
  let rating = key ? Number(key[0]) : nextRatingBelow(ctx, null);
  let below = key ? Number(key[2]) : null;
  while (rating !== null && seqs.length < want) {
    seqs.push(...levelPage(ctx, spec, rating, below, want - seqs.length));
    rating = nextRatingBelow(ctx, rating);
    below = null;
  }
  return seqs;
}
