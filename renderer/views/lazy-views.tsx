// The views, each in its own chunk: the first paint loads the shell and the view it shows, and the
// others are fetched right after it, so switching views later does not wait.
import { lazy } from 'react';

const loaders = {
  generate: () => import('./generate/GenerateView').then((module) => ({ default: module.GenerateView })),
  queue: () => import('./queue/QueueView').then((module) => ({ default: module.QueueView })),
  library: () => import('./library/LibraryView').then((module) => ({ default: module.LibraryView })),
  settings: () => import('./settings/SettingsView').then((module) => ({ default: module.SettingsView })),
  batch: () => import('./batch/BatchView').then((module) => ({ default: module.BatchView })),
  spend: () => import('./spend/SpendView').then((module) => ({ default: module.SpendView })),
  trash: () => import('./trash/TrashView').then((module) => ({ default: module.TrashView })),
  sequences: () => import('./sequences/SequencesView').then((module) => ({ default: module.SequencesView })),
};

export const GenerateView = lazy(loaders.generate);
export const QueueView = lazy(loaders.queue);
export const LibraryView = lazy(loaders.library);
export const SettingsView = lazy(loaders.settings);
export const BatchView = lazy(loaders.batch);
export const SpendView = lazy(loaders.spend);
export const TrashView = lazy(loaders.trash);
export const SequencesView = lazy(loaders.sequences);

let prefetched = false;
/** Loads every view's code right after the first paint (import() caches, so a view opens instantly). */
export function prefetchViews(): void {
  if (prefetched) return;
  prefetched = true;
  const load = () => {
    for (const loader of Object.values(loaders)) void loader().catch(() => {});
  };
  // Not on idle: a user who opens the library right after start-up must not wait for its chunk, and
  // a start-up busy with pushes may not be idle for seconds. The chunks are local and small.
  setTimeout(load, 0);
}
