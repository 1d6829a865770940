// Intents on one generation. Each returns the record main now holds; we apply it at once (the
// same record also arrives as an event, and applying it twice is harmless).
import type { GenerationRecord } from '../../../shared/contract/contract';
import { attempt } from '../../lib/notify';
import { useApp } from '../../state/app';
import { useLibrary } from '../../state/library';
import { useQueue } from '../../state/queue';
import { studio } from '../../studio';

type Intent = 'cancel' | 'retry' | 'resubmit' | 'dismiss' | 'checkAgain';

export async function runIntent(intent: Intent, id: string): Promise<GenerationRecord | undefined> {
  const record = await attempt(() => studio.generations[intent]({ id }));
  if (record) {
    useQueue.getState().applyUpdate(record);
    useLibrary.getState().applyUpdate(record);
  }
  return record;
}

export function openInLibrary(record: GenerationRecord): void {
  useLibrary.getState().select(record);
  useApp.getState().setView('library');
}
