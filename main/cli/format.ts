// How the CLI prints generations: one readable line each, or JSON for scripts.
import { absolutePath } from '../core/library/paths';
import type { GenerationRecord } from '../core/library/types';

export interface GenerationSummary {
  id: string;
  model: string;
  state: GenerationRecord['state'];
  taskId: string | null;
  prompt: string;
  seed: number | null;
  audioPath: string | null;
  filePath: string | null;
  sha256: string | null;
  bytes: number | null;
  error: string | null;
  estimatedCostUsd: number;
  createdAt: string;
}

export function summarize(record: GenerationRecord, root: string): GenerationSummary {
  return {
    id: record.id,
    model: record.model,
    state: record.state,
    taskId: record.taskId,
    prompt: record.params.prompt,
    seed: record.params.seed ?? null,
    /** wan-2-5-video: the audio the video was made to (library copy), if any. */
    audioPath: record.referenceAudioPath ? absolutePath(root, record.referenceAudioPath) : null,
    filePath: record.video ? absolutePath(root, record.video.relPath) : null,
    sha256: record.video?.sha256 ?? null,
    bytes: record.video?.bytes ?? null,
    error: record.errorMessage ?? record.failMsg,
    estimatedCostUsd: record.estimatedCostUsd,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

export function line(summary: GenerationSummary): string {
  const prompt = summary.prompt.length > 60 ? `${summary.prompt.slice(0, 57)}...` : summary.prompt;
  const tail = summary.filePath ?? summary.error ?? summary.taskId ?? '';
  return `${summary.id}  ${summary.state.padEnd(11)}  ${prompt.padEnd(60)}  ${tail}`;
}
