// The views, each in its own chunk: the first paint loads the shell and the view it shows, and the
// others are fetched in the background right after, so switching views later does not wait.
import { lazy } from 'react';

const loaders = {
  generate: () => import('./generate/GenerateView').then((module) => ({ default: module.GenerateView })),
  queue: () => import('./queue/QueueView').then((module) => ({ default: module.QueueView })),
  library: () => import('./library/LibraryView').then((module) => ({ default: module.LibraryView })),
  settings: () => import('./settings/SettingsView').then((module) => ({ default: module.SettingsView })),
};

export const GenerateView = lazy(loaders.generate);
export const QueueView = lazy(loaders.queue);
export const LibraryView = lazy(loaders.library);
export const SettingsView = lazy(loaders.settings);

let prefetched = false;
/** Loads every view's code once the browser is idle (import() caches, so a view opens instantly). */
export function prefetchViews(): void {
  if (prefetched) return;
  prefetched = true;
  const load = () => {
    for (const loader of Object.values(loaders)) void loader().catch(() => {});
  };
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
