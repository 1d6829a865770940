// Search (full-text, debounced so typing does not fire a query per key), sort, filters and import.

import { useEffect, useRef, useState } from 'react';
import type { SortKey } from '../../../shared/domain/records';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
import { fileLimitText } from '../../lib/send-files';
import { useApp } from '../../state/app';
import { CARD_SIZE, useDensity } from '../../state/density';
import { useLibrary } from '../../state/library';
import { activeFilterCount } from '../../state/library-filters';
import { useProjects } from '../../state/projects';
import { importFiles, importWithDialog } from './actions';
import { FilterBar } from './FilterBar';

const SEARCH_DEBOUNCE_MS = 250;

export function LibraryToolbar() {
  const { t } = useTranslation();
  const filters = useLibrary((state) => state.filters);
  const total = useLibrary((state) => state.list.total);
  const totalCapped = useLibrary((state) => state.list.totalCapped);
  const started = useLibrary((state) => state.list.started);
  const loading = useLibrary((state) => state.loading);
  const setFilters = useLibrary((state) => state.setFilters);
  const projects = useProjects((state) => state.projects);
  const host = useApp((state) => state.info?.host);
  const [text, setText] = useState(filters.text);
  const [showFilters, setShowFilters] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // Keep the box in sync when something else changes the query (a reset, a project click).
  useEffect(() => setText(filters.text), [filters.text]);

  useEffect(() => {
    if (text === filters.text) return;
    const timer = setTimeout(() => setFilters({ text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters.text, setFilters]);

  const projectName =
    filters.projectId === undefined
      ? t('projects.all')
      : (projects.find((project) => project.id === filters.projectId)?.name ?? t('projects.none'));
  const activeCount = activeFilterCount(filters);

  return (
    <div className="library-toolbar">
      <div className="toolbar-row">
        <div className="library-scope">
          <h2 className="library-scope-name">{projectName}</h2>
          <span className="library-count" aria-live="polite">
            {started
              ? t('library.count', {
                  count: total,
                  formatted: `${formatNumber(total)}${totalCapped ? '+' : ''}`,
                })
              : loading
                ? t('common.loading')
                : ''}
          </span>
        </div>
        <div className="search">
          <Icon name="search" size={15} className="search-icon" />
          <input
            className="input search-input"
            type="search"
            value={text}
            placeholder={t('library.searchPlaceholder')}
            aria-label={t('library.search')}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') setFilters({ text });
            }}
            data-testid="library-search"
          />
        </div>
        <label className="visually-hidden" htmlFor="library-sort">
          {t('library.sort')}
        </label>
        <select
          id="library-sort"
          className="select select-compact"
          value={filters.sort}
          onChange={(event) => setFilters({ sort: event.target.value as SortKey })}
        >
          <option value="created_desc">{t('library.sortNewest')}</option>
          <option value="created_asc">{t('library.sortOldest')}</option>
          <option value="rating_desc">{t('library.sortRating')}</option>
        </select>
        <Button
          icon="filter"
          tone={showFilters ? 'secondary' : 'ghost'}
          aria-expanded={showFilters}
          aria-controls="library-filters"
          onClick={() => setShowFilters(!showFilters)}
        >
          {t('library.filters')}
          {activeCount > 0 ? <span className="badge badge-inline">{activeCount}</span> : null}
        </Button>
        <DensitySlider />
        <Button
          icon="upload"
          title={t('files.limitHint', { limit: fileLimitText('video') })}
          onClick={() => {
            void (async () => {
              // Electron has a native picker that yields paths; a browser gets a file input.
              const handled = host === 'electron' ? await importWithDialog() : false;
              if (!handled) fileInput.current?.click();
            })();
          }}
        >
          {t('library.import')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept="video/mp4,.mp4,.m4v,.mov"
          multiple
          hidden
          aria-label={t('library.importFiles')}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (files.length > 0) void importFiles(files);
          }}
        />
      </div>
      {showFilters ? <FilterBar /> : null}
    </div>
  );
}

function DensitySlider() {
  const { t } = useTranslation();
  const cardSize = useDensity((state) => state.cardSize);
  const setCardSize = useDensity((state) => state.setCardSize);
  return (
    <label className="density" title={t('library.cardSize')}>
      <Icon name="grid" size={14} />
      <span className="visually-hidden">{t('library.cardSize')}</span>
      <input
        type="range"
        min={CARD_SIZE.min}
        max={CARD_SIZE.max}
        step={CARD_SIZE.step}
        value={cardSize}
        aria-valuetext={`${cardSize} px`}
        onChange={(event) => setCardSize(Number(event.target.value))}
      />
    </label>
  );
}
