// Library filters. Each change is a new query: the server filters, the grid starts at the top.

import { MODEL_IDS, MODELS } from '../../../shared/domain/models';
import { ASPECT_RATIOS, DURATIONS, RESOLUTIONS } from '../../../shared/domain/param-values';
import { GENERATION_STATES } from '../../../shared/domain/states';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { FilterSelect } from '../../components/FilterSelect';
import { useTranslation } from '../../i18n/use-translation';
import { dayEnd, startOfDay } from '../../lib/local-date';
import { useLibrary } from '../../state/library';

export function FilterBar() {
  const { t } = useTranslation();
  const filters = useLibrary((state) => state.filters);
  const tags = useLibrary((state) => state.tags);
  const { setFilters, resetFilters } = useLibrary.getState();

  return (
    <div className="filter-bar" id="library-filters" data-testid="library-filters">
      <FilterSelect
        label={t('library.filterState')}
        value={filters.state === 'any' ? undefined : filters.state}
        options={GENERATION_STATES.map((state) => ({ value: state, label: t(`states.${state}`) }))}
        onChange={(state) => setFilters({ state: state ?? 'any' })}
      />
      <FilterSelect
        label={t('models.label')}
        value={filters.model}
        options={MODEL_IDS.map((model) => ({ value: model, label: MODELS[model].label }))}
        onChange={(model) => setFilters({ model })}
      />
      <FilterSelect
        label={t('generate.resolution')}
        value={filters.resolution}
        options={RESOLUTIONS.map((resolution) => ({ value: resolution, label: resolution }))}
        onChange={(resolution) => setFilters({ resolution })}
      />
      <FilterSelect
        label={t('generate.duration')}
        value={filters.duration}
        options={DURATIONS.map((duration) => ({
          value: duration,
          label: t('generate.seconds', { count: duration }),
        }))}
        onChange={(duration) => setFilters({ duration })}
      />
      <FilterSelect
        label={t('generate.aspectRatio')}
        value={filters.aspectRatio}
        options={ASPECT_RATIOS.map((ratio) => ({ value: ratio, label: ratio }))}
        onChange={(aspectRatio) => setFilters({ aspectRatio })}
      />
      <FilterSelect
        label={t('library.tag')}
        value={filters.tag}
        options={tags.map((tag) => ({ value: tag.name, label: `${tag.name} (${tag.count})` }))}
        onChange={(tag) => setFilters({ tag })}
      />
      <DateField
        label={t('library.from')}
        value={filters.createdFrom}
        onChange={(createdFrom) => setFilters({ createdFrom })}
        testId="filter-from"
      />
      <DateField
        label={t('library.to')}
        value={filters.createdTo === undefined ? undefined : startOfDay(filters.createdTo)}
        onChange={(day) => setFilters({ createdTo: day === undefined ? undefined : dayEnd(day) })}
        testId="filter-to"
      />
      <label className="filter filter-check">
        <input
          type="checkbox"
          checked={filters.favouriteOnly}
          onChange={(event) => setFilters({ favouriteOnly: event.target.checked })}
        />
        <span>{t('library.favouritesOnly')}</span>
      </label>
      <Button size="sm" tone="ghost" onClick={resetFilters}>
        {t('library.resetFilters')}
      </Button>
    </div>
  );
}
