// Library filters. Each change is a new query: the server filters, the grid starts at the top.
import { useTranslation } from 'react-i18next';
import { MODEL_IDS, MODELS } from '../../../shared/domain/models';
import { ASPECT_RATIOS, DURATIONS, RESOLUTIONS } from '../../../shared/domain/params';
import { GENERATION_STATES } from '../../../shared/domain/states';
import { Button } from '../../components/Button';
import { FilterSelect } from '../../components/FilterSelect';
import { useLibrary } from '../../state/library';

function dayStart(value: string): number | undefined {
  if (!value) return undefined;
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1).getTime();
}

function dayInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const DAY_MS = 86_400_000;

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
      <label className="filter">
        <span>{t('library.from')}</span>
        <input
          className="input input-compact"
          type="date"
          value={dayInput(filters.createdFrom)}
          onChange={(event) => setFilters({ createdFrom: dayStart(event.target.value) })}
        />
      </label>
      <label className="filter">
        <span>{t('library.to')}</span>
        <input
          className="input input-compact"
          type="date"
          value={dayInput(filters.createdTo === undefined ? undefined : filters.createdTo - DAY_MS + 1)}
          onChange={(event) => {
            const start = dayStart(event.target.value);
            setFilters({ createdTo: start === undefined ? undefined : start + DAY_MS - 1 });
          }}
        />
      </label>
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
