// Sequences: ordered, trimmed clips a user plays and exports as one video. A sequence belongs to a
// project or to none; deleting the project keeps it (like the project's generations). A clip is a
// reference to a generation, possibly still in progress (its out point is then "to the end");
// a clip whose generation is deleted for good disappears from the sequence with it.
import {
  MAX_SEQUENCE_CLIPS,
  MAX_SEQUENCE_NAME_LENGTH,
  MIN_CLIP_MS,
  type Sequence,
  type SequenceClip,
  type SequenceSummary,
} from '../../../shared/domain/sequences';
import { StudioError } from '../errors';
import { inTransaction, type LibraryContext } from './context';
import { getGeneration } from './generations';
import { newId } from './ids';
import type { ClipInput, SequenceStore } from './sequence-store';

const SUMMARY_SELECT = `SELECT s.id AS id, s.name AS name, s.project_id AS projectId, s.updated_at AS updatedAt,
  (SELECT count(*) FROM sequence_clips c WHERE c.sequence_id = s.id) AS clipCount
  FROM sequences s`;

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

function validName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw invalid('A sequence needs a name.');
  if (clean.length > MAX_SEQUENCE_NAME_LENGTH)
    throw invalid(`A sequence name can be at most ${MAX_SEQUENCE_NAME_LENGTH} characters.`);
  return clean;
}

function summary(ctx: LibraryContext, id: string): SequenceSummary {
  const row = ctx.stmt(`${SUMMARY_SELECT} WHERE s.id = ?`).get(id) as SequenceSummary | undefined;
  if (!row) throw new StudioError({ kind: 'not_found', userMessage: 'That sequence no longer exists.' });
  return row;
}

function getSequence(ctx: LibraryContext, id: string): Sequence {
  const head = summary(ctx, id);
  const createdAt = ctx.stmt('SELECT created_at FROM sequences WHERE id = ?').pluck().get(id) as number;
  const rows = ctx
    .stmt(
      'SELECT generation_id AS generationId, in_ms AS inMs, out_ms AS outMs FROM sequence_clips WHERE sequence_id = ? ORDER BY position',
    )
    .all(id) as Pick<SequenceClip, 'generationId' | 'inMs' | 'outMs'>[];
  const continues = ctx.stmt(
    "SELECT 1 FROM generation_links WHERE child_id = ? AND parent_id = ? AND kind = 'continues'",
  );
  const clips = rows.map((row, position) => {
    const previous = rows[position - 1]?.generationId;
    return {
      ...row,
      position,
      record: getGeneration(ctx, row.generationId),
      continuesPrevious: previous !== undefined && continues.get(row.generationId, previous) !== undefined,
    };
  });
  return { id, name: head.name, projectId: head.projectId, createdAt, updatedAt: head.updatedAt, clips };
}

/** Checks each clip against its generation: it exists, and the trim lies inside the video when its length is known. */
function checkClips(ctx: LibraryContext, clips: readonly ClipInput[]): void {
  if (clips.length > MAX_SEQUENCE_CLIPS)
    throw invalid(`A sequence holds at most ${MAX_SEQUENCE_CLIPS} clips; split it into two.`);
  clips.forEach((clip, index) => {
    const part = `Clip ${index + 1}`;
    const record = getGeneration(ctx, clip.generationId);
    if (!record) throw new StudioError({ kind: 'not_found', userMessage: `${part} is not in the library.` });
    if (!Number.isInteger(clip.inMs) || clip.inMs < 0)
      throw invalid(`${part}: the in point must be 0 or later.`);
    if (clip.outMs === null) return;
    if (!Number.isInteger(clip.outMs) || clip.outMs - clip.inMs < MIN_CLIP_MS)
      throw invalid(`${part}: the out point must be at least ${MIN_CLIP_MS} ms after the in point.`);
    const duration = record.video?.durationMs ?? null;
    if (duration !== null && clip.outMs > duration)
      throw invalid(
        `${part}: the out point (${clip.outMs} ms) is past the end of the video (${duration} ms).`,
      );
  });
}

function writeClips(ctx: LibraryContext, id: string, clips: readonly ClipInput[], from: number): void {
  const insert = ctx.stmt(
    'INSERT INTO sequence_clips (sequence_id, position, generation_id, in_ms, out_ms) VALUES (?, ?, ?, ?, ?)',
  );
  clips.forEach((clip, index) => {
    insert.run(id, from + index, clip.generationId, clip.inMs, clip.outMs);
  });
  ctx.stmt('UPDATE sequences SET updated_at = ? WHERE id = ?').run(ctx.clock.now(), id);
}

function untrimmed(generationIds: readonly string[]): ClipInput[] {
  return generationIds.map((generationId) => ({ generationId, inMs: 0, outMs: null }));
}

export function sequenceStore(context: () => LibraryContext): SequenceStore {
  return {
    list(projectId) {
      const ctx = context();
      const order = 'ORDER BY s.updated_at DESC, s.id';
      if (projectId === undefined) return ctx.stmt(`${SUMMARY_SELECT} ${order}`).all() as SequenceSummary[];
      return ctx
        .stmt(`${SUMMARY_SELECT} WHERE s.project_id IS ? ${order}`)
        .all(projectId) as SequenceSummary[];
    },
    get: (id) => getSequence(context(), id),
    create({ name, projectId, generationIds = [] }) {
      const ctx = context();
      const clean = validName(name);
      return inTransaction(ctx, () => {
        if (projectId !== null && !ctx.stmt('SELECT 1 FROM projects WHERE id = ?').get(projectId))
          throw new StudioError({ kind: 'not_found', userMessage: 'That project no longer exists.' });
        const clips = untrimmed(generationIds);
        checkClips(ctx, clips);
        const now = ctx.clock.now();
        const id = newId(now);
        ctx
          .stmt('INSERT INTO sequences (id, project_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(id, projectId, clean, now, now);
        writeClips(ctx, id, clips, 0);
        return getSequence(ctx, id);
      });
    },
    rename(id, name) {
      const ctx = context();
      const clean = validName(name);
      return inTransaction(ctx, () => {
        summary(ctx, id);
        ctx
          .stmt('UPDATE sequences SET name = ?, updated_at = ? WHERE id = ?')
          .run(clean, ctx.clock.now(), id);
        return getSequence(ctx, id);
      });
    },
    remove(id) {
      const ctx = context();
      summary(ctx, id);
      ctx.stmt('DELETE FROM sequences WHERE id = ?').run(id);
    },
    setClips(id, clips) {
      const ctx = context();
      return inTransaction(ctx, () => {
        summary(ctx, id);
        checkClips(ctx, clips);
        ctx.stmt('DELETE FROM sequence_clips WHERE sequence_id = ?').run(id);
        writeClips(ctx, id, clips, 0);
        return getSequence(ctx, id);
      });
    },
    appendClips(id, generationIds) {
      const ctx = context();
      return inTransaction(ctx, () => {
        const { clipCount } = summary(ctx, id);
        const clips = untrimmed(generationIds);
        if (clipCount + clips.length > MAX_SEQUENCE_CLIPS)
          throw invalid(`A sequence holds at most ${MAX_SEQUENCE_CLIPS} clips; start another one.`);
        checkClips(ctx, clips);
        const last = ctx
          .stmt('SELECT coalesce(max(position), -1) FROM sequence_clips WHERE sequence_id = ?')
          .pluck()
          .get(id) as number;
        writeClips(ctx, id, clips, last + 1);
        return getSequence(ctx, id);
      });
    },
  };
}
