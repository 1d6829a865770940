// "Continue the last shot" of a sequence: the continuation the user then sends joins that sequence.
// Kept apart from ./frames.ts (which loads the frame decoder) so the app shell and the Generate view
// can use it without loading mediabunny; the decoder loads when the action runs.
import type { CreateLineage } from '../../shared/domain/lineage';
import { appendToSequence, endParentAtFrame, provideContinueFromLastFrame } from './sequences';

let target: { sequenceId: string; parentId: string } | null = null;

/** The next continuation of `parentId` that is sent is appended to `sequenceId`. */
function appendNextContinuation(sequenceId: string, parentId: string): void {
  target = { sequenceId, parentId };
}

/** Called by Generate once it has sent: appends a continuation to the sequence it was started from. */
export async function afterSend(lineage: CreateLineage | null, ids: readonly string[]): Promise<void> {
  if (!target || lineage?.kind !== 'continues' || lineage.parentId !== target.parentId || ids.length === 0)
    return;
  const { sequenceId } = target;
  target = null;
  const sequence = await appendToSequence(sequenceId, [...ids]);
  if (sequence && lineage.frameMs !== null)
    await endParentAtFrame(sequence, lineage.parentId, lineage.frameMs);
}

provideContinueFromLastFrame(async (generationId, options) => {
  const frames = await import('./frames');
  const started = await frames.continueFromLastFrame(generationId);
  if (started) appendNextContinuation(options.appendToSequence, generationId);
  return started;
});
