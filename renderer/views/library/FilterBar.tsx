// Library filters. Each change is a new query: the server filters, the grid starts at the top.
import { useTranslation } from 'react-i18next';
import { ASPECT_RATIOS, type AspectRatio, type Resolution } from '../../../shared/domain/params';
import { GENERATION_STATES, type GenerationState } from '../../../shared/domain/states';
import { Button } from '../../components/Button';
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
      <label className="filter">
        <span>{t('library.filterState')}</span>
        <select
          className="select select-compact"
          value={filters.state}
          onChange={(event) => setFilters({ state: event.target.value as GenerationState | 'any' })}
        >
          <option value="any">{t('library.any')}</option>
          {GENERATION_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`states.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('generate.resolution')}</span>
        <select
          className="select select-compact"
          value={filters.resolution ?? ''}
          onChange={(event) =>
            setFilters({ resolution: (event.target.value || undefined) as Resolution | undefined })
          }
        >
          <option value="">{t('library.any')}</option>
          <option value="720p">720p</option>
          <option value="1080p">1080p</option>
        </select>
      </label>
      <label className="filter">
        <span>{t('generate.duration')}</span>
        <select
          className="select select-compact"
          value={filters.duration ?? ''}
          onChange={(event) =>
            setFilters({
              duration: event.target.value === '10' ? 10 : event.target.value === '5' ? 5 : undefined,
            })
          }
        >
          <option value="">{t('library.any')}</option>
          <option value="5">{t('generate.seconds', { count: 5 })}</option>
          <option value="10">{t('generate.seconds', { count: 10 })}</option>
        </select>
      </label>
      <label className="filter">
        <span>{t('generate.aspectRatio')}</span>
        <select
          className="select select-compact"
          value={filters.aspectRatio ?? ''}
          onChange={(event) =>
            setFilters({ aspectRatio: (event.target.value || undefined) as AspectRatio | undefined })
          }
        >
          <option value="">{t('library.any')}</option>
          {ASPECT_RATIOS.map((ratio) => (
            <option key={ratio} value={ratio}>
              {ratio}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('library.tag')}</span>
        <select
          className="select select-compact"
          value={filters.tag ?? ''}
          onChange={(event) => setFilters({ tag: event.target.value || undefined })}
        >
          <option value="">{t('library.any')}</option>
          {tags.map((tag) => (
            <option key={tag.name} value={tag.name}>
              {`${tag.name} (${tag.count})`}
            </option>
          ))}
        </select>
      </label>
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
