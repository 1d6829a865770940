// The views, loaded with the strings they use: the first paint loads the shell and the view it shows,
// and the others are fetched right after it, so switching views later does not wait. Generate and the
// Library share one chunk (vite.config.ts, 'first-views'): both load at start-up; the rest each have
// their own.
import { lazy } from 'react';
import { loadViewStrings } from '../i18n';

// Each view waits for its words as well as its code (the first paint loads only the shell's strings).
const withStrings = <T,>(code: Promise<T>): Promise<T> =>
  Promise.all([code, loadViewStrings()]).then(([module]) => module);

/**
 * A view that cannot be fetched (the host stopped or is restarting while it loads) is tried again
 * every 2 s instead of failing: React.lazy keeps a rejection for good, and a rejected view would
 * unmount the whole app, banner included, leaving a blank page. Meanwhile the view shows its
 * loading state and the banner says the host is gone.
 */
function untilLoaded<T>(load: () => Promise<T>): () => Promise<T> {
  return () =>
    new Promise<T>((resolve) => {
      const attempt = () => {
        load().then(resolve, () => setTimeout(attempt, 2_000));
      };
      attempt();
    });
}

type Loaders<T> = { [K in keyof T]: () => Promise<T[K]> };
function untilAllLoaded<T>(raw: Loaders<T>): Loaders<T> {
  const entries = Object.entries(raw) as [string, () => Promise<unknown>][];
  return Object.fromEntries(entries.map(([name, load]) => [name, untilLoaded(load)])) as Loaders<T>;
}

const loaders = untilAllLoaded({
  generate: () =>
    withStrings(import('./generate/GenerateView')).then((module) => ({ default: module.GenerateView })),
  queue: () => withStrings(import('./queue/QueueView')).then((module) => ({ default: module.QueueView })),
  library: () =>
    withStrings(import('./library/LibraryView')).then((module) => ({ default: module.LibraryView })),
  settings: () =>
    withStrings(import('./settings/SettingsView')).then((module) => ({ default: module.SettingsView })),
  batch: () => withStrings(import('./batch/BatchView')).then((module) => ({ default: module.BatchView })),
  spend: () => withStrings(import('./spend/SpendView')).then((module) => ({ default: module.SpendView })),
  trash: () => withStrings(import('./trash/TrashView')).then((module) => ({ default: module.TrashView })),
  libraryUnavailable: () =>
    withStrings(import('../shell/LibraryUnavailable')).then((module) => ({
      default: module.LibraryUnavailable,
    })),
  fileLocation: () =>
    withStrings(import('../components/FileLocationDialog')).then((module) => ({
      default: module.FileLocationDialog,
    })),
  sequences: () =>
    withStrings(import('./sequences/SequencesView')).then((module) => ({ default: module.SequencesView })),
  spendPrompt: () =>
    withStrings(import('./spend/SpendPrompt')).then((module) => ({ default: module.SpendPrompt })),
});

export const GenerateView = lazy(loaders.generate);
export const QueueView = lazy(loaders.queue);
export const LibraryView = lazy(loaders.library);
export const SettingsView = lazy(loaders.settings);
export const BatchView = lazy(loaders.batch);
export const SpendView = lazy(loaders.spend);
export const TrashView = lazy(loaders.trash);
export const SequencesView = lazy(loaders.sequences);
/** Shown only when the library cannot be opened: not part of the first paint. */
export const LibraryUnavailable = lazy(loaders.libraryUnavailable);

let prefetched = false;
/** The view start-up shows and the one opened most: fetched at once, with the first render. */
const FIRST: (keyof typeof loaders)[] = ['generate', 'library'];
const REST_AFTER_MS = 3_000;
/**
 * Loads every view's code right after the first paint (import() caches, so a view opens instantly):
 * Generate and the Library at once — a user who opens the Library right after start-up
 * must not wait for its chunk — and the rest when the page is idle after REST_AFTER_MS, so their
 * compiling does not delay the first grid.
 */
export function prefetchViews(): void {
  if (prefetched) return;
  prefetched = true;
  for (const name of FIRST) void loaders[name]().catch(() => {});
  const rest = () => {
    for (const [name, loader] of Object.entries(loaders))
      if (!FIRST.includes(name as keyof typeof loaders)) void loader().catch(() => {});
  };
  // Not before REST_AFTER_MS: start-up sits idle while it waits for its answers, and chunks
  // compiled then would land on the first grid's render.
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(rest, { timeout: 2_000 });
    else rest();
  }, REST_AFTER_MS);
}
/** The question before money moves: loaded when it is first asked (and prefetched with the views). */
export const SpendPrompt = lazy(loaders.spendPrompt);
/** The browser host's "Show in folder": loaded when a file is first shown. */
export const FileLocationDialog = lazy(loaders.fileLocation);
