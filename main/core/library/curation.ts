// What the user adds to a generation: favourite, rating, notes, tags. Notes and tags are searchable,
// so changing them reindexes the generation.
import { StudioError } from '../errors';
import { inTransaction, type LibraryContext } from './context';
import { notFound, requireGeneration } from './generations';
import { indexGeneration } from './search-index';
import type { GenerationRecord } from './types';

export const MAX_RATING = 5;
export const MAX_NOTES_LENGTH = 10_000;
export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS = 50;

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

/** Writes one curation column (and reindexes for search when it is searchable). */
function updateColumn(
  ctx: LibraryContext,
  id: string,
  column: 'favourite' | 'rating' | 'notes',
  value: unknown,
): GenerationRecord {
  return inTransaction(ctx, () => {
    const result = ctx
      .stmt(`UPDATE generations SET ${column} = ?, updated_at = ? WHERE id = ?`)
      .run(value, ctx.clock.now(), id);
    if (result.changes === 0) throw notFound(id);
    if (column === 'notes') indexGeneration(ctx, id);
    return requireGeneration(ctx, id);
  });
}

export function setFavourite(ctx: LibraryContext, id: string, favourite: boolean): GenerationRecord {
  return updateColumn(ctx, id, 'favourite', favourite ? 1 : 0);
}

export function setRating(ctx: LibraryContext, id: string, rating: number): GenerationRecord {
  if (!Number.isInteger(rating) || rating < 0 || rating > MAX_RATING) {
    throw invalid(`A rating is a whole number from 0 (none) to ${MAX_RATING}.`);
  }
  return updateColumn(ctx, id, 'rating', rating);
}

export function setNotes(ctx: LibraryContext, id: string, notes: string): GenerationRecord {
  if (typeof notes !== 'string') throw invalid('Notes must be text.');
  if (notes.length > MAX_NOTES_LENGTH) throw invalid(`Notes can be at most ${MAX_NOTES_LENGTH} characters.`);
  return updateColumn(ctx, id, 'notes', notes);
}

/** Trimmed, inner whitespace collapsed, control characters dropped, case-insensitive duplicates removed. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    if (typeof raw !== 'string') throw invalid('Tags must be text.');
    const tag = raw
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (tag.length === 0) continue;
    if (tag.length > MAX_TAG_LENGTH)
      throw invalid(`A tag can be at most ${MAX_TAG_LENGTH} characters: "${tag}"`);
    const folded = tag.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    out.push(tag);
  }
  if (out.length > MAX_TAGS) throw invalid(`A generation can have at most ${MAX_TAGS} tags.`);
  return out;
}

export function setTags(ctx: LibraryContext, id: string, tags: readonly string[]): GenerationRecord {
  const names = normalizeTags(tags);
  return inTransaction(ctx, () => {
    if (!ctx.stmt('SELECT 1 FROM generations WHERE id = ?').get(id)) throw notFound(id);
    const previous = ctx
      .stmt('SELECT tag_id FROM generation_tags WHERE generation_id = ?')
      .pluck()
      .all(id) as number[];
    ctx.stmt('DELETE FROM generation_tags WHERE generation_id = ?').run(id);
    for (const name of names) {
      // The tag keeps the spelling it was first created with (names are unique without case).
      ctx.stmt('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
      const tagId = ctx.stmt('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number;
      ctx.stmt('INSERT INTO generation_tags (generation_id, tag_id) VALUES (?, ?)').run(id, tagId);
    }
    for (const tagId of previous) {
      ctx
        .stmt('DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM generation_tags WHERE tag_id = ?)')
        .run(tagId, tagId);
    }
    ctx.stmt('UPDATE generations SET updated_at = ? WHERE id = ?').run(ctx.clock.now(), id);
    indexGeneration(ctx, id);
    return requireGeneration(ctx, id);
  });
}

/** Tags in use by generations outside the trash, most used first. */
export function listTags(ctx: LibraryContext): { name: string; count: number }[] {
  // tag_counts is kept by triggers in every write (./count-tables.ts): no use is counted here.
  return ctx
    .stmt(
      `SELECT t.name AS name, c.n AS count FROM tag_counts c JOIN tags t ON t.id = c.tag_id
       WHERE c.n > 0 ORDER BY c.n DESC, t.name COLLATE NOCASE`,
    )
    .all() as { name: string; count: number }[];
}
