// What the user can do with a library item. Each intent goes to main; the UI changes only from
// main's answer (or optimistically where waiting would feel broken, like delete).
import type { GenerationRecord, ImportResult } from '../../../shared/contract/contract';
import type { FileRef } from '../../../shared/contract/file-refs';
import i18n from '../../i18n';
import { chooseFolder } from '../../lib/choose-folder';
import { FrameError } from '../../lib/frames/types';
import { attempt, notifyError, notifySuccess } from '../../lib/notify';
import { sendFiles } from '../../lib/send-files';
import { useApp } from '../../state/app';
import { useAudio } from '../../state/audio';
import { titleOf, trashRecords } from '../../state/bulk-actions';
import { revealFile } from '../../state/file-location';
import { useGenerate } from '../../state/generate';
import { useLibrary } from '../../state/library';
import { useToasts } from '../../state/toasts';
import { studio } from '../../studio';
import { useImages } from '../generate/image-store';
import { regeneratePoster } from './poster-capture';

const t = i18n.t.bind(i18n);

export function remix(record: GenerationRecord): void {
  useGenerate.getState().loadRecord(record);
  // Our uploaded reference comes back as an added image (reused without re-uploading while its link is valid).
  void useImages.getState().loadRecord(record);
  // And the audio it was made to (wan-2-5-video), from the library's copy.
  void useAudio.getState().loadRecord(record);
  useApp.getState().setView('generate');
  useToasts
    .getState()
    .show({ tone: 'info', title: t('library.remixed'), detail: t('library.remixedDetail') });
}

export function reuseSeed(record: GenerationRecord): void {
  const seed = record.params.seed;
  if (seed === undefined) return;
  useGenerate.getState().applySeed(seed);
  useToasts.getState().show({
    tone: 'success',
    title: t('library.seedSet', { seed }),
    action: { label: t('library.openGenerate'), run: () => useApp.getState().setView('generate') },
  });
}

export async function reveal(record: GenerationRecord): Promise<void> {
  await revealFile(record, titleOf(record));
}

export async function exportToFolder(records: GenerationRecord[], unloadedIds: string[] = []): Promise<void> {
  const folder = await attempt(() => chooseFolder(t('library.exportTitle')));
  if (!folder) return;
  // Each copy carries its recipe; while they are written the toast offers Cancel (the copy being
  // written is removed, finished ones stay).
  const exportId = crypto.randomUUID();
  const toasts = useToasts.getState();
  const progress = toasts.show(
    {
      tone: 'info',
      title: t('library.exporting', { count: records.length + unloadedIds.length }),
      action: { label: t('common.cancel'), run: () => void studio.library.cancelExport({ exportId }) },
    },
    0,
  );
  const result = await attempt(() =>
    studio.library.exportTo({
      ids: [...records.map((record) => record.id), ...unloadedIds],
      folder,
      exportId,
    }),
  ).finally(() => toasts.dismiss(progress));
  if (!result) return;
  const skipped = (result.skipped ?? []).map((skip) => skip.reason).join('; ');
  notifySuccess(t('library.exported', { count: result.copied }), skipped ? `${folder} — ${skipped}` : folder);
}

export async function applyCuration(run: () => Promise<GenerationRecord>): Promise<void> {
  const record = await attempt(run);
  if (record) useLibrary.getState().applyUpdate(record);
}

/** Delete moves the file to the library's trash; the toast (and Ctrl/Cmd+Z) offers Undo. */
export function moveToTrash(record: GenerationRecord): Promise<void> {
  return trashRecords([record]);
}

/** Makes the poster and the hover-scrub strip again; a video whose frames are all blank keeps the old ones. */
export async function regenerateThumbnail(record: GenerationRecord, url: string): Promise<void> {
  if (!record.video) return;
  try {
    await regeneratePoster(record.video.id, url);
    useToasts.getState().show({ tone: 'success', title: t('library.thumbnailDone') });
  } catch (error) {
    if (error instanceof FrameError && error.reason === 'blank') {
      useToasts.getState().show({ tone: 'error', title: t('library.thumbnailBlank') });
    } else notifyError(error);
  }
}

function isVideoFile(file: File): boolean {
  return file.type === 'video/mp4' || /\.(mp4|m4v|mov)$/i.test(file.name);
}

/** Imports dropped or picked files: sent beside the contract (never as bytes in a call), then named. */
export async function importFiles(files: File[]): Promise<void> {
  const videos = files.filter(isVideoFile);
  const skipped: ImportResult['skipped'] = files
    .filter((file) => !isVideoFile(file))
    .map((file) => ({ name: file.name, reason: t('library.importNotVideo') }));
  let imported = 0;
  const refs: FileRef[] = [];
  for (const sent of await sendFiles(videos, 'video')) {
    if ('ref' in sent) refs.push(sent.ref);
    else skipped.push({ name: sent.name, reason: sent.error });
  }
  if (refs.length > 0) {
    const result = await attempt(() => studio.library.importFiles({ files: refs }));
    imported += result?.imported ?? 0;
    skipped.push(...(result?.skipped ?? []));
    if (result) return reportImport({ ...result, imported, skipped });
  }
  reportImport({ imported, skipped });
}

export async function importWithDialog(): Promise<boolean> {
  const paths = await attempt(() => studio.dialog.chooseVideos());
  if (!paths || paths.length === 0) return false;
  const result = await attempt(() => studio.library.importPaths({ paths }));
  if (result) reportImport(result);
  return true;
}

function reportImport({ imported, skipped, withRecipe = 0, recipesIgnored = [] }: ImportResult): void {
  if (imported > 0) useLibrary.getState().refreshHeadSoon();
  const details = [
    withRecipe > 0 ? t('library.importRecipes', { count: withRecipe }) : '',
    recipesIgnored.length > 0
      ? t('library.recipesIgnored', {
          count: recipesIgnored.length,
          detail: recipesIgnored.map((item) => `${item.name}: ${item.reason}`).join('; '),
        })
      : '',
    skipped.length > 0
      ? t('library.importSkipped', {
          count: skipped.length,
          detail: skipped.map((item) => `${item.name}: ${item.reason}`).join('; '),
        })
      : '',
  ].filter(Boolean);
  useToasts.getState().show({
    tone: imported > 0 ? 'success' : skipped.length > 0 ? 'error' : 'info',
    title: t('library.imported', { count: imported }),
    ...(details.length > 0 ? { detail: details.join(' · ') } : {}),
  });
}
