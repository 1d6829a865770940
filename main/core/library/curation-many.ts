// Curation of a whole selection in one transaction (favourite, rating, one more tag), and the ids
// of every match of a grid query, so "select all" can mean every match and not only the loaded
// cards. One write, one commit: a thousand-video selection is not a thousand round trips.
import { StudioError } from '../errors';
import { inTransaction, type LibraryContext } from './context';
import { MAX_RATING, MAX_TAGS, normalizeTags } from './curation';
import { planFilters } from './filters';
import { queryGenerations, SORTS } from './query';
import { indexGeneration } from './search-index';
import type { CurationChange, LibraryQuery, ManyResult, MatchingIds } from './types';

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

function existing(ctx: LibraryContext, ids: readonly string[]): Set<string> {
  const found = new Set<string>();
  const lookup = ctx.stmt('SELECT 1 FROM generations WHERE id = ?').pluck();
  for (const id of ids) if (lookup.get(id)) found.add(id);
  return found;
}

export function curateMany(ctx: LibraryContext, ids: readonly string[], change: CurationChange): ManyResult {
  if (change.rating !== undefined) {
    if (!Number.isInteger(change.rating) || change.rating < 0 || change.rating > MAX_RATING)
      throw invalid(`A rating is a whole number from 0 (none) to ${MAX_RATING}.`);
  }
  const [tag] = change.addTag !== undefined ? normalizeTags([change.addTag]) : [];
  if (change.addTag !== undefined && !tag) throw invalid('A tag needs at least one letter or digit.');
  return inTransaction(ctx, () => {
    const unique = [...new Set(ids)];
    const found = existing(ctx, unique);
    const result: ManyResult = { done: [], skipped: [] };
    const now = ctx.clock.now();
    let tagId: number | null = null;
    if (tag) {
      ctx.stmt('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(tag);
      tagId = ctx.stmt('SELECT id FROM tags WHERE name = ?').pluck().get(tag) as number;
    }
    for (const id of unique) {
      if (!found.has(id)) {
        result.skipped.push({ id, reason: 'This generation no longer exists.' });
        continue;
      }
      if (change.favourite !== undefined)
        ctx.stmt('UPDATE generations SET favourite = ? WHERE id = ?').run(change.favourite ? 1 : 0, id);
      if (change.rating !== undefined)
        ctx.stmt('UPDATE generations SET rating = ? WHERE id = ?').run(change.rating, id);
      if (tagId !== null) {
        const has = ctx
          .stmt('SELECT 1 FROM generation_tags WHERE generation_id = ? AND tag_id = ?')
          .get(id, tagId);
        if (!has) {
          const count = ctx
            .stmt('SELECT count(*) FROM generation_tags WHERE generation_id = ?')
            .pluck()
            .get(id) as number;
          if (count >= MAX_TAGS) {
            result.skipped.push({ id, reason: `A generation can have at most ${MAX_TAGS} tags.` });
            continue;
          }
          ctx.stmt('INSERT INTO generation_tags (generation_id, tag_id) VALUES (?, ?)').run(id, tagId);
          indexGeneration(ctx, id);
        }
      }
      ctx.stmt('UPDATE generations SET updated_at = ? WHERE id = ?').run(now, id);
      result.done.push(id);
    }
    return result;
  });
}

/** Up to `cap` ids of the query's matches, in its sort order, and how many match in all. */
export function matchingIds(ctx: LibraryContext, query: LibraryQuery, cap: number): MatchingIds {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const sort = SORTS[filters.sort ?? 'created_desc'];
  if (!sort) throw invalid(`Unknown sort: ${String(filters.sort)}`);
  const plan = planFilters(ctx, filters, cap);
  const direction = sort.descending ? 'DESC' : 'ASC';
  const ids = ctx
    .stmt(
      `SELECT g.id FROM generations g WHERE ${plan.page.where.join(' AND ')}
       ORDER BY ${sort.columns.map((column) => `${column} ${direction}`).join(', ')} LIMIT ?`,
    )
    .pluck()
    .all(...plan.page.args, cap) as string[];
  // The grid's own (cached) count, so the number said matches the number the grid shows.
  if (ids.length < cap) return { ids, total: ids.length };
  const page = queryGenerations(ctx, { ...filters, limit: 1 });
  return { ids, total: page.total, ...(page.totalCapped ? { totalCapped: true as const } : {}) };
}
