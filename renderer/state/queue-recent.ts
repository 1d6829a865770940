// Clearing the queue's recently-finished list: a setting (so it stays cleared after a reload and in
// every window) that hides what finished up to now. Nothing is deleted; Undo puts the old cut-off
// back and reloads the list.
import { finishedAt } from '../../shared/domain/records';
import i18n from '../i18n';
import { succeeded } from '../lib/notify';
import { studio } from '../studio';
import { useQueue } from './queue';
import { useSettings } from './settings';
import { useToasts } from './toasts';

export async function clearRecent(): Promise<void> {
  const { recent } = useQueue.getState();
  if (recent.length === 0) return;
  const previous = useSettings.getState().settings?.recentClearedAt ?? 0;
  // The newest finish time shown, not this machine's clock: the core's times are what is compared.
  const through = Math.max(previous, ...recent.map(finishedAt));
  if (!(await succeeded(() => useSettings.getState().update({ recentClearedAt: through })))) return;
  useQueue.getState().applyClearedAt(through);
  useToasts.getState().show({
    tone: 'info',
    title: i18n.t('queue.recentCleared', { count: recent.length }),
    action: { label: i18n.t('library.undo'), run: () => void undoClear(previous) },
  });
}

async function undoClear(previous: number): Promise<void> {
  if (!(await succeeded(() => useSettings.getState().update({ recentClearedAt: previous })))) return;
  useQueue.getState().applyClearedAt(previous);
  const snapshot = await studio.queue.snapshot();
  useQueue.getState().applySnapshot(snapshot);
}
