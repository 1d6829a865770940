// Database row → GenerationRecord. Parsing is defensive: a library written by a newer version may
// hold values this build does not know (a new state, a new resolution). List views must still
// load, so such a value maps to a safe stand-in, the record is flagged in `unrecognized`, and a
// warning is logged. The SELECT that feeds this lives here too, so columns and mapping agree.

import type { HoldReason } from '../../../shared/domain/budget';
import { isModelId } from '../../../shared/domain/models';
import {
  ASPECT_RATIOS,
  type AspectRatio,
  DURATIONS,
  type Duration,
  type GenerationParams,
  MODEL_ID,
  MODES,
  type Mode,
  PROVIDERS,
  type Provider,
  REQUEST_TYPES,
  RESOLUTIONS,
  type RequestType,
  type Resolution,
} from '../../../shared/domain/params';
import { GENERATION_STATES, type GenerationState } from '../../../shared/domain/states';
import { ERROR_KINDS, type ErrorKind } from '../errors';
import type { LibraryContext } from './context';
import {
  BACKENDS,
  type Backend,
  type GenerationRecord,
  IMAGE_SOURCES,
  type ImageSource,
  ORIGINS,
  type Origin,
  RECIPE_SOURCES,
  type RecipeSource,
  type VideoRecord,
} from './types';

export interface GenerationRow {
  seq: number;
  id: string;
  origin: string;
  source_name: string | null;
  recipe_source?: string | null;
  project_id: string | null;
  batch_id: string | null;
  model: string;
  backend: string;
  mode: string;
  prompt: string;
  negative_prompt: string | null;
  resolution: string;
  duration: number;
  aspect_ratio: string | null;
  image_url: string | null;
  seed: number | null;
  prompt_expansion: number;
  provider: string;
  request_type: string;
  state: string;
  task_id: string | null;
  fail_code: string | null;
  fail_msg: string | null;
  error_kind: string | null;
  error_message: string | null;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
  completed_at: number | null;
  remote_create_time: number | null;
  remote_complete_time: number | null;
  cost_time_ms: number | null;
  estimated_cost_usd: number;
  result_url: string | null;
  next_check_at: number | null;
  poll_count: number;
  reference_image_path: string | null;
  image_source: string | null;
  image_url_expires_at: number | null;
  hold_json: string | null;
  budget_released: number;
  audio_url: string | null;
  reference_audio_path: string | null;
  audio_source: string | null;
  audio_url_expires_at: number | null;
  favourite: number;
  rating: number;
  notes: string;
  deleted_at: number | null;
  /** Tag names joined with U+001F (cannot appear in a tag). */
  tag_list: string | null;
  v_id: string | null;
  v_rel_path: string | null;
  v_bytes: number | null;
  v_sha256: string | null;
  v_width: number | null;
  v_height: number | null;
  v_duration_ms: number | null;
  v_poster_rel_path: string | null;
  v_strip_rel_path: string | null;
  v_created_at: number | null;
}

export const TAG_SEPARATOR = '\u001f';

/** Select list for GenerationRow; use with `FROM generations g LEFT JOIN videos v ON v.generation_id = g.id`. */
export const GENERATION_COLUMNS = `g.*,
  (SELECT group_concat(t.name, char(31)) FROM generation_tags gt JOIN tags t ON t.id = gt.tag_id
    WHERE gt.generation_id = g.id) AS tag_list,
  v.id AS v_id, v.rel_path AS v_rel_path, v.bytes AS v_bytes, v.sha256 AS v_sha256,
  v.width AS v_width, v.height AS v_height, v.duration_ms AS v_duration_ms,
  v.poster_rel_path AS v_poster_rel_path, v.strip_rel_path AS v_strip_rel_path, v.created_at AS v_created_at`;

export const VIDEO_JOIN = 'LEFT JOIN videos v ON v.generation_id = g.id';
export const GENERATION_FROM = `generations g ${VIDEO_JOIN}`;

function pick<T extends string | number>(
  known: readonly T[],
  value: unknown,
  fallback: T,
  field: string,
  flags: string[],
): T {
  if ((known as readonly unknown[]).includes(value)) return value as T;
  flags.push(`${field}=${String(value)}`);
  return fallback;
}

function videoFromRow(row: GenerationRow): VideoRecord | null {
  if (row.v_id === null || row.v_rel_path === null) return null;
  return {
    id: row.v_id,
    generationId: row.id,
    relPath: row.v_rel_path,
    bytes: row.v_bytes ?? 0,
    sha256: row.v_sha256 ?? '',
    width: row.v_width,
    height: row.v_height,
    durationMs: row.v_duration_ms,
    posterRelPath: row.v_poster_rel_path,
    stripRelPath: row.v_strip_rel_path,
    createdAt: row.v_created_at ?? row.created_at,
  };
}

function paramsFromRow(row: GenerationRow, flags: string[]): GenerationParams {
  const params: GenerationParams = {
    mode: pick<Mode>(MODES, row.mode, 'text-to-video', 'mode', flags),
    prompt: row.prompt,
    resolution: pick<Resolution>(RESOLUTIONS, row.resolution, '720p', 'resolution', flags),
    duration: pick<Duration>(DURATIONS, row.duration, 5, 'duration', flags),
    promptExpansion: row.prompt_expansion !== 0,
    provider: pick<Provider>(PROVIDERS, row.provider, 'auto', 'provider', flags),
  };
  // Optional parameters are left out rather than set to undefined, so a record's params equal
  // the params it was created from.
  if (row.negative_prompt !== null) params.negativePrompt = row.negative_prompt;
  if (row.aspect_ratio !== null) {
    params.aspectRatio = pick<AspectRatio>(ASPECT_RATIOS, row.aspect_ratio, '16:9', 'aspect_ratio', flags);
  }
  if (row.image_url !== null) params.imageUrl = row.image_url;
  if (row.seed !== null) params.seed = row.seed;
  if (row.audio_url !== null) params.audioUrl = row.audio_url;
  // wan-2-5 is left implicit, so the params of older records (and of wan-2-5 requests) stay as created.
  if (row.model !== MODEL_ID && isModelId(row.model)) params.model = row.model;
  return params;
}

function holdFromRow(row: GenerationRow, flags: string[]): HoldReason {
  try {
    const hold = JSON.parse(row.hold_json ?? '') as HoldReason;
    if (hold.kind === 'staged' || hold.kind === 'over_budget') return hold;
  } catch {
    // falls through to the stand-in
  }
  // A held row without a reason this version understands waits as staged: never sent by itself.
  flags.push(`hold=${String(row.hold_json)}`);
  return { kind: 'staged' };
}

export function generationFromRow(ctx: LibraryContext, row: GenerationRow): GenerationRecord {
  const flags: string[] = [];
  const params = paramsFromRow(row, flags);
  // An unknown state shows as 'uncertain' (waits for the user, never acted on automatically);
  // listActive selects known states only, so the engine never picks such a row up.
  const state = pick<GenerationState>(GENERATION_STATES, row.state, 'uncertain', 'state', flags);
  const backend = pick<Backend>(BACKENDS, row.backend, 'apixo', 'backend', flags);
  const requestType = pick<RequestType>(REQUEST_TYPES, row.request_type, 'async', 'request_type', flags);
  let errorKind: ErrorKind | null = null;
  if (row.error_kind !== null)
    errorKind = pick<ErrorKind>(ERROR_KINDS, row.error_kind, 'server', 'error_kind', flags);
  const imageSource =
    row.image_source === null
      ? null
      : pick<ImageSource>(IMAGE_SOURCES, row.image_source, 'url', 'image_source', flags);
  const tags = row.tag_list ? row.tag_list.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : [];
  const record: GenerationRecord = {
    id: row.id,
    origin: pick<Origin>(ORIGINS, row.origin, 'generated', 'origin', flags),
    sourceName: row.source_name,
    recipeSource:
      row.recipe_source == null
        ? null
        : pick<RecipeSource>(RECIPE_SOURCES, row.recipe_source, 'sidecar', 'recipe_source', flags),
    projectId: row.project_id,
    batchId: row.batch_id,
    model: row.model,
    backend,
    params,
    requestType,
    state,
    taskId: row.task_id,
    failCode: row.fail_code,
    failMsg: row.fail_msg,
    errorKind,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    completedAt: row.completed_at,
    remoteCreateTime: row.remote_create_time,
    remoteCompleteTime: row.remote_complete_time,
    costTimeMs: row.cost_time_ms,
    estimatedCostUsd: row.estimated_cost_usd,
    resultUrl: row.result_url,
    nextCheckAt: row.next_check_at,
    pollCount: row.poll_count,
    referenceImagePath: row.reference_image_path,
    imageSource,
    imageUrlExpiresAt: row.image_url_expires_at,
    referenceAudioPath: row.reference_audio_path,
    audioSource:
      row.audio_source === null
        ? null
        : pick<ImageSource>(IMAGE_SOURCES, row.audio_source, 'url', 'audio_source', flags),
    audioUrlExpiresAt: row.audio_url_expires_at,
    favourite: row.favourite !== 0,
    rating: row.rating,
    notes: row.notes,
    tags,
    deletedAt: row.deleted_at,
    video: videoFromRow(row),
    hold: state === 'held' ? holdFromRow(row, flags) : null,
    budgetReleased: row.budget_released !== 0,
  };
  if (flags.length > 0) {
    record.unrecognized = flags;
    // Without the id, so a page of such rows logs one line, not one per row.
    ctx.warn(`generations hold values this version does not know (${flags.join(', ')}); shown as stand-ins`);
  }
  return record;
}
