// What the user does to one video or a selection: delete (with Undo, also on Ctrl/Cmd+Z), move to
// a project, favourite, rate, tag. Each goes to main; the grid changes from main's answers.
import type { BulkResult, GenerationRecord } from '../../shared/contract/contract';
import i18n from '../i18n';
import { attempt } from '../lib/notify';
import { studio } from '../studio';
import { useLibrary } from './library';
import type { RemovedAt } from './library-pages';
import { useProjects } from './projects';
import { useSelection } from './selection';
import { useToasts } from './toasts';

const t = i18n.t.bind(i18n);

/** The last delete, for Ctrl/Cmd+Z once its toast is gone. */
let lastDelete: { ids: string[]; removed: RemovedAt[] } | null = null;

function reportSkipped(result: BulkResult): void {
  if (result.skipped.length === 0) return;
  useToasts.getState().show({
    tone: 'error',
    title: t('bulk.skipped', { count: result.skipped.length }),
    detail: [...new Set(result.skipped.map((skip) => skip.reason))].join(' '),
  });
}

/** `unloadedIds`: more of the selection, never loaded in the grid ("select all" of every match). */
export async function trashRecords(records: GenerationRecord[], unloadedIds: string[] = []): Promise<void> {
  const ids = [...records.map((record) => record.id), ...unloadedIds];
  if (ids.length === 0) return;
  const result = await attempt(() => studio.library.trashMany({ ids }));
  if (!result) return;
  const library = useLibrary.getState();
  const removed = result.done.flatMap((id) => library.removeLocal(id) ?? []);
  useSelection.getState().drop(result.done);
  reportSkipped(result);
  if (result.done.length === 0) return;
  lastDelete = { ids: result.done, removed };
  const first = records.find((record) => record.id === result.done[0]);
  useToasts.getState().show(
    {
      tone: 'info',
      title: t('library.trashedCount', { count: result.done.length }),
      ...(result.done.length === 1 && first ? { detail: titleOf(first).slice(0, 80) } : {}),
      action: { label: t('library.undo'), run: () => void undoLastDelete() },
    },
    8000,
  );
}

/** Restores what the last delete moved to the trash, back where it was in the grid. */
export async function undoLastDelete(): Promise<boolean> {
  const undo = lastDelete;
  if (!undo) return false;
  lastDelete = null;
  const result = await attempt(() => studio.library.restoreMany({ ids: undo.ids }));
  if (!result) return false;
  const library = useLibrary.getState();
  // Reinsert from the last removal back, so earlier positions stay right.
  for (const removed of [...undo.removed].reverse()) library.reinsertLocal(removed);
  if (undo.removed.length < result.done.length) library.refreshHeadSoon();
  useToasts
    .getState()
    .show({ tone: 'success', title: t('library.restoredCount', { count: result.done.length }) });
  return true;
}

export async function moveRecords(
  records: GenerationRecord[],
  projectId: string | null,
  unloadedIds: string[] = [],
): Promise<void> {
  const ids = [...records.map((record) => record.id), ...unloadedIds];
  if (ids.length === 0) return;
  const result = await attempt(() => studio.library.setProject({ ids, projectId }));
  if (!result) return;
  const library = useLibrary.getState();
  if (library.filters.projectId !== undefined) library.reload();
  else for (const record of records) library.applyUpdate({ ...record, projectId });
  for (const record of records) useSelection.getState().update({ ...record, projectId });
  void useProjects.getState().refresh();
  const name = useProjects.getState().projects.find((project) => project.id === projectId)?.name;
  useToasts.getState().show({
    tone: 'success',
    title: name ? t('bulk.movedTo', { count: ids.length, name }) : t('bulk.movedOut', { count: ids.length }),
  });
}

/** The record the UI holds for an id (selected, or loaded in the grid), if any. */
function knownRecord(id: string): GenerationRecord | undefined {
  const kept = useSelection.getState().selected.get(id);
  if (kept) return kept;
  const open = useLibrary.getState().selected;
  if (open?.id === id) return open;
  for (const page of useLibrary.getState().list.pages) {
    const found = page.items?.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}

/** One call for the whole selection; the cards the UI holds change from main's answer. */
async function curateSelection(
  ids: string[],
  call: () => Promise<BulkResult>,
  change: (record: GenerationRecord) => GenerationRecord,
): Promise<void> {
  if (ids.length === 0) return;
  const result = await attempt(call);
  if (!result) return;
  for (const id of result.done) {
    const record = knownRecord(id);
    if (!record) continue;
    const updated = change(record);
    useLibrary.getState().applyUpdate(updated);
    useSelection.getState().update(updated);
  }
  reportSkipped(result);
}

export function favouriteRecords(ids: string[], favourite: boolean): Promise<void> {
  return curateSelection(
    ids,
    () => studio.library.setFavouriteMany({ ids, favourite }),
    (record) => ({ ...record, favourite }),
  );
}

export function rateRecords(ids: string[], rating: number): Promise<void> {
  return curateSelection(
    ids,
    () => studio.library.setRatingMany({ ids, rating }),
    (record) => ({ ...record, rating }),
  );
}

export function tagRecords(ids: string[], tag: string): Promise<void> {
  const name = tag.trim();
  if (!name) return Promise.resolve();
  const has = (record: GenerationRecord) => record.tags.some((t) => t.toLowerCase() === name.toLowerCase());
  return curateSelection(
    ids,
    () => studio.library.addTagMany({ ids, tag: name }),
    (record) => (has(record) ? record : { ...record, tags: [...record.tags, name] }),
  );
}

export function titleOf(record: GenerationRecord): string {
  return record.origin === 'imported' ? (record.sourceName ?? record.params.prompt) : record.params.prompt;
}
