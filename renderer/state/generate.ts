// The Generate form. It holds what the user typed (strings stay strings until submit, so a
// half-typed seed is not lost) and turns it into contract input; the limits themselves live in
// generationParamsSchema and are never restated here.
import { create } from 'zustand';
import type { GenerationRecord } from '../../shared/contract/contract';
import type { CreateLineage } from '../../shared/domain/lineage';
import { type DroppedSetting, switchModel } from '../../shared/domain/model-switch';
import { DEFAULT_MODEL, isModelId, type ModelId } from '../../shared/domain/models';
import {
  type AspectRatio,
  DEFAULT_PARAMS,
  type Duration,
  type Mode,
  type Provider,
  type Resolution,
} from '../../shared/domain/param-values';
import type { GenerationParamsInput } from '../../shared/domain/params';
import { useAudio } from './audio';

export interface GenerateForm {
  model: ModelId;
  mode: Mode;
  prompt: string;
  negativePrompt: string;
  resolution: Resolution;
  duration: Duration;
  aspectRatio: AspectRatio;
  imageUrl: string;
  seedMode: 'random' | 'fixed';
  seed: string;
  promptExpansion: boolean;
  provider: Provider;
  count: number;
  projectId: string | null;
}

export const DEFAULT_FORM: GenerateForm = {
  model: DEFAULT_MODEL,
  mode: 'text-to-video',
  prompt: '',
  negativePrompt: '',
  resolution: DEFAULT_PARAMS.resolution,
  duration: DEFAULT_PARAMS.duration,
  aspectRatio: DEFAULT_PARAMS.aspectRatio,
  imageUrl: '',
  seedMode: 'random',
  seed: '',
  promptExpansion: DEFAULT_PARAMS.promptExpansion,
  provider: DEFAULT_PARAMS.provider,
  count: 1,
  projectId: null,
};

export function toParamsInput(form: GenerateForm): GenerationParamsInput {
  const params: GenerationParamsInput = {
    mode: form.mode,
    prompt: form.prompt,
    resolution: form.resolution,
    duration: form.duration,
    promptExpansion: form.promptExpansion,
    provider: form.provider,
  };
  // wan-2-5 stays implicit, as in every request before the model became a choice.
  if (form.model !== DEFAULT_MODEL) params.model = form.model;
  if (form.negativePrompt.trim()) params.negativePrompt = form.negativePrompt;
  if (form.mode === 'text-to-video') params.aspectRatio = form.aspectRatio;
  else params.imageUrl = form.imageUrl;
  if (form.seedMode === 'fixed') params.seed = form.seed.trim() === '' ? Number.NaN : Number(form.seed);
  return params;
}

/** Every parameter of a past generation, seed included, so "remix" reproduces it exactly. */
export function formFromRecord(record: GenerationRecord, current: GenerateForm): GenerateForm {
  const { params } = record;
  return {
    ...current,
    model: isModelId(record.model) ? record.model : DEFAULT_MODEL,
    mode: params.mode,
    prompt: params.prompt,
    negativePrompt: params.negativePrompt ?? '',
    resolution: params.resolution,
    duration: params.duration,
    aspectRatio: params.aspectRatio ?? DEFAULT_PARAMS.aspectRatio,
    // A presigned link to our own upload is not for reuse: the reference image comes back instead.
    imageUrl: record.imageSource === 'hosted' ? '' : (params.imageUrl ?? ''),
    seedMode: params.seed === undefined ? 'random' : 'fixed',
    seed: params.seed === undefined ? '' : String(params.seed),
    promptExpansion: params.promptExpansion,
    provider: params.provider,
    count: 1,
    projectId: record.projectId,
  };
}

export function randomSeed(): string {
  const values = new Uint32Array(1);
  crypto.getRandomValues(values);
  return String((values[0] ?? 0) % 2_147_483_648);
}

interface GenerateState {
  form: GenerateForm;
  /** Fields the user has left at least once: errors show only there (and everywhere after a submit attempt). */
  touched: Partial<Record<keyof GenerateForm, true>>;
  attempted: boolean;
  /** Bumped by remix so the view can focus the prompt and announce the change. */
  remixToken: number;
  /**
   * Where what the form sends next comes from (remix, continuation, a frame): recorded with each
   * video of that send, then forgotten. `lineageName` is the parent's prompt or file name, shown.
   */
  lineage: CreateLineage | null;
  lineageName: string;
  setLineage(lineage: CreateLineage | null, name?: string): void;
  update(patch: Partial<GenerateForm>): void;
  touch(field: keyof GenerateForm): void;
  setAttempted(attempted: boolean): void;
  loadRecord(record: GenerationRecord): void;
  applySeed(seed: number): void;
  reset(): void;
}

export const useGenerate = create<GenerateState>()((set, get) => ({
  form: DEFAULT_FORM,
  touched: {},
  attempted: false,
  remixToken: 0,
  lineage: null,
  lineageName: '',
  setLineage: (lineage, name = '') => set({ lineage, lineageName: lineage ? name : '' }),
  update: (patch) => set({ form: { ...get().form, ...patch } }),
  touch: (field) => set({ touched: { ...get().touched, [field]: true } }),
  setAttempted: (attempted) => set({ attempted }),
  loadRecord: (record) =>
    set({
      form: formFromRecord(record, get().form),
      touched: {},
      attempted: false,
      remixToken: get().remixToken + 1,
      lineage: { kind: 'remix_of', parentId: record.id, frameMs: null },
      lineageName: nameOf(record),
    }),
  applySeed: (seed) => set({ form: { ...get().form, seedMode: 'fixed', seed: String(seed) } }),
  reset: () =>
    set({
      form: { ...DEFAULT_FORM, projectId: get().form.projectId },
      touched: {},
      attempted: false,
      lineage: null,
      lineageName: '',
    }),
}));

/** How the user knows a video: its prompt, or an import's file name. */
export function nameOf(record: GenerationRecord): string {
  return (record.origin === 'imported' ? record.sourceName : null) ?? record.params.prompt;
}

/**
 * Moves the form to another model: keeps what it takes, replaces the rest with its defaults, drops
 * an audio it cannot use, and returns what changed so the view can say so.
 */
export function switchGenerateModel(model: ModelId): DroppedSetting[] {
  const { form, update } = useGenerate.getState();
  const audio = useAudio.getState();
  const result = switchModel(
    {
      model: form.model,
      resolution: form.resolution,
      aspectRatio: form.aspectRatio,
      prompt: form.prompt,
      hasAudio: audio.audio !== null,
    },
    model,
  );
  update(result.patch);
  if (result.dropAudio) audio.clear();
  return result.dropped;
}
