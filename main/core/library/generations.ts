// Generation rows: create, read, patch (with state history), and the engine's own queries.
import {
  type GenerationParams,
  generationParamsDraftSchema,
  generationParamsSchema,
  modelOf,
  REQUEST_TYPES,
} from '../../../shared/domain/params';
import { GENERATION_STATES, type GenerationState, TERMINAL_STATES } from '../../../shared/domain/states';
import { ERROR_KINDS, StudioError } from '../errors';
import { inTransaction, type LibraryContext } from './context';
import { newId } from './ids';
import { insertLinks } from './links';
import { toRelPath } from './paths';
import { GENERATION_COLUMNS, GENERATION_FROM, type GenerationRow, generationFromRow } from './rows';
import { indexGeneration } from './search-index';
import { noteStateChange, noteSubmitted } from './spend-ledger';
import {
  BACKENDS,
  type GenerationPatch,
  type GenerationRecord,
  type GenerationStateChange,
  IMAGE_SOURCES,
  type NewGeneration,
  ORIGINS,
} from './types';

const NON_TERMINAL_STATES = GENERATION_STATES.filter((state) => !TERMINAL_STATES.has(state));

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

export function notFound(id: string): StudioError {
  return new StudioError({ kind: 'not_found', userMessage: `No generation with id ${id} in the library.` });
}

function assertState(state: unknown): asserts state is GenerationState {
  if (!(GENERATION_STATES as readonly unknown[]).includes(state)) {
    throw invalid(`Unknown generation state: ${String(state)}`);
  }
}

export function assertProjectExists(ctx: LibraryContext, projectId: string | null | undefined): void {
  if (projectId == null) return;
  if (!ctx.stmt('SELECT 1 FROM projects WHERE id = ?').get(projectId)) {
    throw new StudioError({ kind: 'not_found', userMessage: `No project with id ${projectId}.` });
  }
}

export function getGeneration(ctx: LibraryContext, id: string): GenerationRecord | null {
  const row = ctx.stmt(`SELECT ${GENERATION_COLUMNS} FROM ${GENERATION_FROM} WHERE g.id = ?`).get(id) as
    | GenerationRow
    | undefined;
  return row ? generationFromRow(ctx, row) : null;
}

export function requireGeneration(ctx: LibraryContext, id: string): GenerationRecord {
  const record = getGeneration(ctx, id);
  if (!record) throw notFound(id);
  return record;
}

function recordStateChange(
  ctx: LibraryContext,
  id: string,
  from: GenerationState | null,
  to: GenerationState,
  at: number,
): void {
  ctx
    .stmt('INSERT INTO generation_events (generation_id, from_state, to_state, at) VALUES (?, ?, ?, ?)')
    .run(id, from, to, at);
}

function parseParams(input: NewGeneration) {
  const imageSource = input.imageSource ?? null;
  if (imageSource !== null && !IMAGE_SOURCES.includes(imageSource)) {
    throw invalid(`Unknown image source: ${String(imageSource)}`);
  }
  if (input.audioSource === 'hosted') {
    if (!input.referenceAudioPath) throw invalid('A hosted reference audio needs its library copy.');
    if (input.params.audioUrl) throw invalid('A hosted reference audio gets its link when it is uploaded.');
  }
  if (imageSource === 'hosted') {
    // The link is made by the upload just before submit; until then the reference image stands in.
    if (!input.referenceImagePath) throw invalid('A hosted reference image needs its library copy.');
    if (input.params.imageUrl) throw invalid('A hosted reference image gets its link when it is uploaded.');
  }
  // A generation back from its recipe may have lost its image link (a hosted link expires and is
  // not kept; another library lacks the reference image): it is a record, never sent again as is.
  if (imageSource === 'hosted' || input.audioSource === 'hosted' || input.restore !== undefined) {
    return generationParamsDraftSchema.safeParse(input.params);
  }
  return generationParamsSchema.safeParse(input.params);
}

/** The parameter columns (mode … provider, in table order) as SQLite stores them. */
export function paramValues(params: GenerationParams) {
  return [
    params.mode,
    params.prompt,
    params.negativePrompt ?? null,
    params.resolution,
    params.duration,
    params.aspectRatio ?? null,
    params.imageUrl ?? null,
    params.seed ?? null,
    params.promptExpansion ? 1 : 0,
    params.provider,
  ] as const;
}

export function createGeneration(ctx: LibraryContext, input: NewGeneration): GenerationRecord {
  const parsed = parseParams(input);
  if (!parsed.success) {
    throw invalid(`Invalid generation parameters: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const params = parsed.data;
  if (params.mode === 'text-to-video' && input.imageSource) throw invalid('Text-to-video takes no image.');
  if (!REQUEST_TYPES.includes(input.requestType)) throw invalid(`Unknown request type: ${input.requestType}`);
  const backend = input.backend ?? 'apixo';
  if (!BACKENDS.includes(backend)) throw invalid(`Unknown backend: ${String(backend)}`);
  const state = input.state ?? 'queued';
  assertState(state);
  if (!Number.isFinite(input.estimatedCostUsd) || input.estimatedCostUsd < 0) {
    throw invalid('The estimated cost must be a non-negative number.');
  }
  const origin = input.origin ?? 'generated';
  if (!ORIGINS.includes(origin)) throw invalid(`Unknown origin: ${String(origin)}`);
  const now = ctx.clock.now();
  const createdAt = input.restore?.createdAt ?? now;
  return inTransaction(ctx, () => {
    assertProjectExists(ctx, input.projectId);
    const wanted = input.restore?.id;
    const id =
      wanted && !ctx.stmt('SELECT 1 FROM generations WHERE id = ?').get(wanted) ? wanted : newId(createdAt);
    ctx
      .stmt(
        `INSERT INTO generations (id, project_id, batch_id, model, backend, mode, prompt, negative_prompt, resolution,
           duration, aspect_ratio, image_url, seed, prompt_expansion, provider, request_type, state,
           created_at, updated_at, estimated_cost_usd, reference_image_path, image_source, origin, source_name,
           hold_json, audio_url, reference_audio_path, audio_source, recipe_source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.projectId ?? null,
        input.batchId ?? null,
        modelOf(params),
        backend,
        ...paramValues(params),
        input.requestType,
        state,
        createdAt,
        now,
        input.estimatedCostUsd,
        input.referenceImagePath ? toRelPath(input.referenceImagePath) : null,
        params.mode === 'image-to-video' ? (input.imageSource ?? 'url') : null,
        origin,
        origin === 'imported' ? (input.sourceName ?? null) : null,
        state === 'held' ? JSON.stringify(input.hold ?? { kind: 'staged' }) : null,
        params.audioUrl ?? null,
        input.referenceAudioPath ? toRelPath(input.referenceAudioPath) : null,
        input.audioSource ?? (params.audioUrl ? 'url' : null),
        origin === 'imported' ? (input.recipeSource ?? null) : null,
      );
    recordStateChange(ctx, id, null, state, createdAt);
    if (input.links) insertLinks(ctx, id, input.links);
    indexGeneration(ctx, id);
    return requireGeneration(ctx, id);
  });
}

// Patch field → column. Only these can be written through updateGeneration.
const PATCH_COLUMNS = {
  state: 'state',
  taskId: 'task_id',
  failCode: 'fail_code',
  failMsg: 'fail_msg',
  errorKind: 'error_kind',
  errorMessage: 'error_message',
  submittedAt: 'submitted_at',
  completedAt: 'completed_at',
  remoteCreateTime: 'remote_create_time',
  remoteCompleteTime: 'remote_complete_time',
  costTimeMs: 'cost_time_ms',
  resultUrl: 'result_url',
  nextCheckAt: 'next_check_at',
  pollCount: 'poll_count',
  referenceImagePath: 'reference_image_path',
  projectId: 'project_id',
  imageUrl: 'image_url',
  imageUrlExpiresAt: 'image_url_expires_at',
  hold: 'hold_json',
  budgetReleased: 'budget_released',
  audioUrl: 'audio_url',
  audioUrlExpiresAt: 'audio_url_expires_at',
} as const satisfies Record<keyof GenerationPatch, string>;

function validatePatch(patch: GenerationPatch): void {
  if (patch.state !== undefined) assertState(patch.state);
  if (patch.errorKind != null && !ERROR_KINDS.includes(patch.errorKind)) {
    throw invalid(`Unknown error kind: ${String(patch.errorKind)}`);
  }
  if (patch.imageUrl != null && !/^https?:\/\//i.test(patch.imageUrl)) {
    throw invalid('An image link must be an http(s) URL.');
  }
  if (patch.audioUrl != null && !/^https?:\/\//i.test(patch.audioUrl)) {
    throw invalid('An audio link must be an http(s) URL.');
  }
  if (patch.pollCount !== undefined && (!Number.isInteger(patch.pollCount) || patch.pollCount < 0)) {
    throw invalid('pollCount must be a non-negative whole number.');
  }
}

/** JSON and booleans as SQLite stores them. */
function columnValue(field: string, value: unknown): unknown {
  if (field === 'hold') return value === null ? null : JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

export function updateGeneration(ctx: LibraryContext, id: string, patch: GenerationPatch): GenerationRecord {
  validatePatch(patch);
  if (patch.referenceImagePath) patch = { ...patch, referenceImagePath: toRelPath(patch.referenceImagePath) };
  const now = ctx.clock.now();
  return inTransaction(ctx, () => {
    const current = ctx.stmt('SELECT state FROM generations WHERE id = ?').get(id) as
      | { state: string }
      | undefined;
    if (!current) throw notFound(id);
    if (patch.projectId !== undefined) assertProjectExists(ctx, patch.projectId);
    const columns: string[] = [];
    const values: unknown[] = [];
    for (const [field, column] of Object.entries(PATCH_COLUMNS)) {
      const value = patch[field as keyof GenerationPatch];
      if (value === undefined) continue;
      columns.push(`${column} = ?`);
      values.push(columnValue(field, value));
    }
    columns.push('updated_at = ?');
    values.push(now);
    ctx.stmt(`UPDATE generations SET ${columns.join(', ')} WHERE id = ?`).run(...values, id);
    if (patch.state !== undefined && patch.state !== current.state) {
      // The stored state may be one this version does not know; history keeps it verbatim.
      recordStateChange(ctx, id, current.state as GenerationState, patch.state, now);
      noteStateChange(ctx, id, current.state, patch.state, now);
    }
    if (typeof patch.submittedAt === 'number') noteSubmitted(ctx, id, patch.submittedAt);
    return requireGeneration(ctx, id);
  });
}

export function listActive(ctx: LibraryContext): GenerationRecord[] {
  // Known states and backends only: a row written by a newer version is never resumed here.
  const states = NON_TERMINAL_STATES.map(() => '?').join(', ');
  const backends = BACKENDS.map(() => '?').join(', ');
  const rows = ctx
    .stmt(
      `SELECT ${GENERATION_COLUMNS} FROM ${GENERATION_FROM}
       WHERE g.state IN (${states}) AND g.deleted_at IS NULL AND g.backend IN (${backends})
       ORDER BY g.created_at, g.id`,
    )
    .all(...NON_TERMINAL_STATES, ...BACKENDS) as GenerationRow[];
  return rows.map((row) => generationFromRow(ctx, row));
}

export function stateHistory(ctx: LibraryContext, id: string): GenerationStateChange[] {
  if (!ctx.stmt('SELECT 1 FROM generations WHERE id = ?').get(id)) throw notFound(id);
  const rows = ctx
    .stmt('SELECT from_state, to_state, at FROM generation_events WHERE generation_id = ? ORDER BY id')
    .all(id) as { from_state: string | null; to_state: string; at: number }[];
  return rows.map((row) => ({
    from: row.from_state as GenerationState | null,
    to: row.to_state as GenerationState,
    at: row.at,
  }));
}

export function costTimeHistory(
  ctx: LibraryContext,
  resolution: string,
  duration: number,
  options: { backend?: string; limit?: number } = {},
): number[] {
  const safeLimit = Math.max(0, Math.min(1000, Math.floor(options.limit ?? 20)));
  // Per backend: the demo simulator's timings must never teach the real poll plan.
  return ctx
    .stmt(
      `SELECT cost_time_ms FROM generations
       WHERE resolution = ? AND duration = ? AND backend = ? AND state = 'done' AND cost_time_ms IS NOT NULL
       ORDER BY completed_at DESC, created_at DESC LIMIT ?`,
    )
    .pluck()
    .all(resolution, duration, options.backend ?? 'apixo', safeLimit) as number[];
}

export function countByState(ctx: LibraryContext): Partial<Record<GenerationState, number>> {
  const rows = ctx
    // Kept by triggers in every write (./count-tables.ts).
    .stmt(
      'SELECT state, sum(n) AS n FROM generation_counts WHERE trashed = 0 GROUP BY state HAVING sum(n) > 0',
    )
    .all() as { state: string; n: number }[];
  const counts: Partial<Record<GenerationState, number>> = {};
  for (const row of rows) {
    if ((GENERATION_STATES as readonly string[]).includes(row.state))
      counts[row.state as GenerationState] = row.n;
  }
  return counts;
}
