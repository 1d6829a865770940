// The one place main's events reach the stores. Everything the UI shows is loaded once here and
// then kept current by pushes; after a reconnect we load again, because pushes may have been
// missed while the socket was down.
import type { DownloadProgressEvent, GenerationRecord } from '../../shared/contract/contract';
import { asContractError } from '../lib/errors';
import { connection, studio } from '../studio';
import { useApp } from './app';
import { refreshBalanceOnFocus } from './balance';
import { announceLowBalance } from './budget';
import { batchById } from './event-batch';
import { whenBatchLoaded } from './lazy-batch';
import { prefetchLibrary, useLibrary } from './library';
import { useProjects } from './projects';
import { useQueue } from './queue';
import { useSettings } from './settings';

async function refreshInfo(): Promise<void> {
  try {
    useApp.setState({ info: await studio.app.info(), startupError: null });
  } catch (error) {
    useApp.setState({ startupError: asContractError(error) });
  }
}

async function loadAll(): Promise<void> {
  // One round trip: app.info is not needed to ask for the rest.
  const tasks: Promise<unknown>[] = [
    refreshInfo(),
    studio.settings.get().then((settings) => {
      useSettings.setState({ settings });
      useQueue.getState().applyClearedAt(settings.recentClearedAt);
    }),
    studio.key.status().then((key) => useApp.setState({ key })),
    studio.balance.get().then((balance) => useApp.setState({ balance })),
    studio.queue.snapshot().then((snapshot) => {
      useQueue.getState().applySnapshot(snapshot);
      useApp.setState({ network: snapshot.network });
    }),
    useProjects.getState().refresh(),
    useLibrary.getState().refreshTags(),
  ];
  // Each part fails on its own; a view shows its own error or empty state.
  await Promise.allSettled(tasks);
}

export function wireEvents(): () => void {
  const progress = batchById<DownloadProgressEvent>((events) => useQueue.getState().applyProgresses(events));
  const updates = batchById<GenerationRecord>((records) => {
    // Progress first: a finished record's update then clears its progress bar.
    progress.flush();
    useQueue.getState().applyUpdates(records);
    const library = useLibrary.getState();
    const batch = whenBatchLoaded();
    for (const record of records) {
      library.applyUpdate(record);
      batch?.getState().applyUpdate(record);
    }
  });
  const unsubscribe = [
    studio.on('generation.updated', (record) => updates.push(record)),
    studio.on('download.progress', (event) => progress.push(event)),
    studio.on('network.status', (network) => useApp.setState({ network })),
    studio.on('balance.updated', (balance) => {
      useApp.setState({ balance });
      announceLowBalance(balance);
    }),
    studio.on('settings.updated', (settings) => {
      useSettings.setState({ settings });
      // Another window may have cleared the queue's recently-finished list.
      useQueue.getState().applyClearedAt(settings.recentClearedAt);
    }),
    studio.on('key.updated', (key) => {
      useApp.setState({ key });
      // Setting or removing the key switches demo mode on or off.
      void refreshInfo();
    }),
    studio.on('library.changed', ({ reason }) => {
      const library = useLibrary.getState();
      if (reason === 'project') void useProjects.getState().refresh();
      if (reason === 'curation') void library.refreshTags();
      if (reason === 'import' || reason === 'restore') library.refreshHeadSoon();
      // The Trash view (when open) follows deletes made elsewhere: another window, the CLI.
      if (
        (reason === 'trash' || reason === 'restore' || reason === 'purge') &&
        useApp.getState().view === 'trash'
      )
        // The Trash view is open, so its store (in the view's chunk) is already loaded.
        void import('./trash').then(({ useTrash }) => useTrash.getState().load());
      if (reason === 'move') {
        void refreshInfo();
        library.reload();
      }
      // A library opened after "library not found": everything the views show comes from it.
      if (reason === 'opened') {
        void loadAll();
        library.reload();
      }
    }),
    refreshBalanceOnFocus(),
    connection.onState((state, reconnected) => {
      useApp.setState({ connection: state });
      // Events were missed while the socket was down (perhaps a whole host restart): load every
      // view's state again rather than merge, so no row stays as it was before the drop.
      if (reconnected) {
        void loadAll();
        useLibrary.getState().reload();
      }
    }),
  ];
  useApp.setState({ connection: connection.state() });
  void loadAll();
  // With the start-up requests, not after them: opening the Library then paints at once. An
  // unavailable library answers with an error here and is reloaded when it opens.
  prefetchLibrary();
  return () => {
    for (const off of unsubscribe) off();
    updates.flush();
    progress.flush();
  };
}
