// What the library offers for sequences (implemented in ./sequences.ts). Apart from it so the
// store interface (./types.ts) names it without importing the implementation.
import type { Sequence, SequenceSummary } from '../../../shared/domain/sequences';

export interface ClipInput {
  generationId: string;
  inMs: number;
  outMs: number | null;
}

export interface SequenceStore {
  list(projectId?: string | null): SequenceSummary[];
  get(id: string): Sequence;
  create(input: { name: string; projectId: string | null; generationIds?: readonly string[] }): Sequence;
  rename(id: string, name: string): Sequence;
  remove(id: string): void;
  /** Replaces the clips (order, trims) in one transaction. */
  setClips(id: string, clips: readonly ClipInput[]): Sequence;
  /** Adds a clip at the end, untrimmed (a continuation of the last shot, "add to sequence"). */
  appendClips(id: string, generationIds: readonly string[]): Sequence;
}
