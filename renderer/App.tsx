// The studio window: sidebar, top bar, banners, the current view, and toasts.
import { Suspense } from 'react';
import { ErrorNotice } from './components/ErrorNotice';
import { FolderPrompt } from './components/FolderPrompt';
import { Toasts } from './components/Toasts';
import { useTranslation } from './i18n/use-translation';
import { ConnectionBanner, DemoBanner, SettingsKeptBanner } from './shell/Banners';
import { Sidebar } from './shell/Sidebar';
import { TopBar } from './shell/TopBar';
import { useShortcuts } from './shell/use-shortcuts';
import { useThemeAndLanguage } from './shell/use-theme';
import { useApp } from './state/app';
import { useBudget } from './state/budget';
import { useFileLocation } from './state/file-location';
import {
  BatchView,
  FileLocationDialog,
  GenerateView,
  LibraryUnavailable,
  LibraryView,
  QueueView,
  SequencesView,
  SettingsView,
  SpendPrompt,
  SpendView,
  TrashView,
} from './views/lazy-views';

export function App() {
  useThemeAndLanguage();
  useShortcuts();
  const { t } = useTranslation();
  const view = useApp((state) => state.view);
  const info = useApp((state) => state.info);
  const startupError = useApp((state) => state.startupError);
  const fileShown = useFileLocation((state) => state.shown !== null);
  const asking = useBudget((state) => state.question !== null);
  const loading = (
    <div className="view-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Sidebar />
      <div className="workspace">
        <TopBar />
        <ConnectionBanner />
        <DemoBanner />
        <SettingsKeptBanner />
        <main id="main" className="view" data-view={view}>
          {startupError && !info ? (
            <div className="view-pad">
              <ErrorNotice error={startupError} onRetry={() => location.reload()} />
            </div>
          ) : !info ? (
            <div className="view-loading" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('common.connecting')}
            </div>
          ) : info.libraryProblem ? (
            <Suspense fallback={loading}>
              <LibraryUnavailable problem={info.libraryProblem} />
            </Suspense>
          ) : (
            <Suspense fallback={loading}>
              {view === 'generate' ? (
                <GenerateView />
              ) : view === 'batch' ? (
                <BatchView />
              ) : view === 'queue' ? (
                <QueueView />
              ) : view === 'library' ? (
                <LibraryView />
              ) : view === 'sequences' ? (
                <SequencesView />
              ) : view === 'trash' ? (
                <TrashView />
              ) : view === 'spend' ? (
                <SpendView />
              ) : (
                <SettingsView />
              )}
            </Suspense>
          )}
        </main>
      </div>
      <Toasts />
      <FolderPrompt />
      {fileShown ? (
        <Suspense fallback={null}>
          <FileLocationDialog />
        </Suspense>
      ) : null}
      {asking ? (
        <Suspense fallback={null}>
          <SpendPrompt />
        </Suspense>
      ) : null}
    </div>
  );
}
