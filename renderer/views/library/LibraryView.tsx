// The library: toolbar, the virtualized grid with an inspector beside it, and MP4 import by drop.
import { type DragEvent, type ReactNode, useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { useApp } from '../../state/app';
import { CARD_DRAG_TYPE } from '../../state/card-drag';
import { useLibrary } from '../../state/library';
import { activeFilterCount } from '../../state/library-filters';
import { CompareView } from '../viewer/CompareView';
import { Lightbox } from '../viewer/Lightbox';
import { importFiles } from './actions';
import { BulkBar } from './BulkBar';
import { DetailPanel } from './DetailPanel';
import { LibraryGrid } from './LibraryGrid';
import { LibraryToolbar } from './LibraryToolbar';
import { useLibraryKeys } from './use-library-keys';

function isFileDrag(event: DragEvent): boolean {
  const types = Array.from(event.dataTransfer.types);
  return types.includes('Files') && !types.includes(CARD_DRAG_TYPE);
}

export function LibraryView() {
  const { t } = useTranslation();
  const list = useLibrary((state) => state.list);
  const error = useLibrary((state) => state.error);
  const filters = useLibrary((state) => state.filters);
  const selected = useLibrary((state) => state.selected);
  const { select, reload, resetFilters } = useLibrary.getState();
  const setView = useApp((state) => state.setView);
  const [dropping, setDropping] = useState(false);
  useLibraryKeys();

  // First visit loads the first page; later visits keep the pages and the scroll position.
  useEffect(() => {
    if (!useLibrary.getState().list.started && !useLibrary.getState().loading) reload();
  }, [reload]);

  const filtered = filters.text.trim() !== '' || activeFilterCount(filters) > 0;
  const empty = list.started && list.total === 0 && list.pages.every((page) => page.size === 0);

  let body: ReactNode;
  if (error) {
    body = (
      <div className="view-pad">
        <ErrorNotice error={error} onRetry={reload} />
      </div>
    );
  } else if (empty) {
    body = filtered ? (
      <EmptyState
        icon="search"
        title={t('library.noMatchesTitle')}
        action={<Button onClick={resetFilters}>{t('library.resetFilters')}</Button>}
      >
        {filters.text.trim()
          ? t('library.noMatchesText', { text: filters.text.trim() })
          : t('library.noMatchesFilters')}
      </EmptyState>
    ) : (
      <EmptyState
        icon="film"
        title={t('library.emptyTitle')}
        action={
          <Button tone="primary" icon="sparkles" onClick={() => setView('generate')}>
            {t('library.emptyAction')}
          </Button>
        }
      >
        {t('library.emptyText')}
      </EmptyState>
    );
  } else if (!list.started) {
    body = (
      <div className="view-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('common.loading')}
      </div>
    );
  } else {
    body = <LibraryGrid onOpen={select} />;
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for files; the Import button is the keyboard path
    <div
      className="library"
      onDragOver={(event) => {
        if (!isFileDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (
          event.currentTarget === event.target ||
          !event.currentTarget.contains(event.relatedTarget as Node)
        ) {
          setDropping(false);
        }
      }}
      onDrop={(event) => {
        if (!isFileDrag(event)) return;
        event.preventDefault();
        setDropping(false);
        void importFiles(Array.from(event.dataTransfer.files));
      }}
    >
      <LibraryToolbar />
      <BulkBar />
      <div className={selected ? 'library-body has-detail' : 'library-body'}>
        <div className="library-main">{body}</div>
        {selected ? <DetailPanel record={selected} onClose={() => select(null)} /> : null}
      </div>
      <CompareView />
      <Lightbox />
      {dropping ? (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">
            <Icon name="upload" size={28} />
            <strong>{t('library.dropTitle')}</strong>
            <span>{t('library.dropText')}</span>
          </div>
        </div>
      ) : null}
    </div>
  );
}
