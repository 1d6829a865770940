// Exporting a sequence: render it in this page (lib/sequence-render), send the file to main and
// save it into the library with its parts as lineage. One export at a time; cancel stops the
// render at the next frame, and nothing is sent or saved unless the render completed.
import { create } from 'zustand';
import type { ContractError, GenerationRecord, Sequence } from '../../shared/contract/contract';
import { clipProblem, effectiveOutMs, type SequenceFit } from '../../shared/domain/sequences';
import i18n from '../i18n';
import { asContractError } from '../lib/errors';
import { videoUrl } from '../lib/media';
import { sendFiles } from '../lib/send-files';
import {
  type ExportCodecs,
  NoEncoderError,
  PartError,
  type RenderPart,
  renderSequence,
} from '../lib/sequence-render/render';
import { studio } from '../studio';
import { useApp } from './app';

export type ExportPhase = 'idle' | 'rendering' | 'saving' | 'done' | 'failed' | 'cancelled';

interface ExportState {
  phase: ExportPhase;
  progress: number;
  fit: SequenceFit;
  /** What went wrong, in words for the user (a part's problem names the part). */
  error: string | null;
  result: { record: GenerationRecord; existing: boolean; codecs: ExportCodecs } | null;
  setFit(fit: SequenceFit): void;
  start(sequence: Sequence): Promise<void>;
  cancel(): void;
  reset(): void;
}

let controller: AbortController | null = null;

function partLabel(sequence: Sequence, index: number): string {
  const record = sequence.clips[index]?.record;
  const prompt = record ? (record.sourceName ?? record.params.prompt) : '';
  const short = prompt.length > 40 ? `${prompt.slice(0, 39)}…` : prompt;
  return i18n.t('sequences.export.partLabel', { n: index + 1, name: short });
}

/** The parts to render, or the first clip that cannot be (named) when one is not ready. */
export function renderPlan(sequence: Sequence, mediaBase: string | undefined): RenderPart[] | string {
  const parts: RenderPart[] = [];
  for (const [index, clip] of sequence.clips.entries()) {
    const problem = clipProblem(clip);
    const url = clip.record ? videoUrl(mediaBase, clip.record) : null;
    const outMs = effectiveOutMs(clip);
    if (problem || !url || outMs === null)
      return i18n.t('sequences.export.notReady', {
        part: partLabel(sequence, index),
        reason: i18n.t(`sequences.problem.${problem ?? 'in_progress'}`),
      });
    parts.push({
      label: partLabel(sequence, index),
      url,
      inMs: clip.inMs,
      outMs,
      skipFirstFrame: clip.continuesPrevious,
    });
  }
  return parts.length > 0 ? parts : i18n.t('sequences.export.empty');
}

function describe(error: unknown): string {
  if (error instanceof PartError)
    return i18n.t('sequences.export.partFailed', { part: error.label, reason: error.reason });
  if (error instanceof NoEncoderError) return i18n.t('sequences.export.noEncoder', { detail: error.message });
  const contractError: ContractError = asContractError(error);
  return contractError.message;
}

export const useSequenceExport = create<ExportState>()((set, get) => ({
  phase: 'idle',
  progress: 0,
  fit: 'letterbox',
  error: null,
  result: null,
  setFit: (fit) => set({ fit }),
  reset: () => {
    if (get().phase === 'rendering') return;
    set({ phase: 'idle', progress: 0, error: null, result: null });
  },
  cancel: () => controller?.abort(),
  start: async (sequence) => {
    if (get().phase === 'rendering' || get().phase === 'saving') return;
    const plan = renderPlan(sequence, useApp.getState().info?.mediaBaseUrl);
    if (typeof plan === 'string') {
      set({ phase: 'failed', error: plan, result: null, progress: 0 });
      return;
    }
    const mine = new AbortController();
    controller = mine;
    set({ phase: 'rendering', progress: 0, error: null, result: null });
    try {
      const { fit } = get();
      const rendered = await renderSequence(plan, {
        fit,
        signal: mine.signal,
        onProgress: (progress) => set({ progress }),
      });
      if (mine.signal.aborted) {
        await rendered.release();
        mine.signal.throwIfAborted();
      }
      // Past this point the file exists; a cancel now would leave the user unsure, so it finishes.
      set({ phase: 'saving', progress: 1 });
      const file = new File([rendered.file], `${sequence.name}.mp4`, { type: 'video/mp4' });
      const [sent] = await sendFiles([file], 'video').finally(rendered.release);
      if (!sent || 'error' in sent)
        throw new Error(sent && 'error' in sent ? sent.error : 'The file was not sent.');
      const saved = await studio.sequences.saveExport({
        id: sequence.id,
        file: sent.ref,
        parts: sequence.clips.map((clip) => clip.generationId),
        trims: sequence.clips.map(({ inMs, outMs }) => ({ inMs, outMs })),
        fit,
      });
      set({ phase: 'done', result: { ...saved, codecs: rendered.codecs } });
    } catch (error) {
      if (mine.signal.aborted) set({ phase: 'cancelled', progress: 0, error: null });
      else set({ phase: 'failed', error: describe(error) });
    } finally {
      if (controller === mine) controller = null;
    }
  },
}));
