// What to do with a selection of two or more videos: favourite, rate, tag, move to a project,
// export, compare, delete. Every control is a labelled native control, so the keyboard reaches all.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../components/Button';
import {
  favouriteRecords,
  moveRecords,
  rateRecords,
  tagRecords,
  trashRecords,
} from '../../state/bulk-actions';
import { useCompare } from '../../state/compare';
import { useProjects } from '../../state/projects';
import { useSelection } from '../../state/selection';
import { exportToFolder } from './actions';

const NO_PROJECT = '__none__';

export function BulkBar() {
  const { t } = useTranslation();
  const selected = useSelection((state) => state.selected);
  const clear = useSelection((state) => state.clear);
  const projects = useProjects((state) => state.projects);
  const [tag, setTag] = useState('');
  if (selected.size < 2) return null;
  const records = [...selected.values()];
  const allFavourite = records.every((record) => record.favourite);
  const comparable = records.filter((record) => record.video);

  return (
    <section className="bulk-bar" aria-label={t('bulk.label')} data-testid="bulk-bar">
      <strong className="bulk-count" aria-live="polite">
        {t('bulk.selected', { count: records.length })}
      </strong>
      <Button size="sm" icon="star" onClick={() => void favouriteRecords(records, !allFavourite)}>
        {allFavourite ? t('bulk.unfavourite') : t('bulk.favourite')}
      </Button>
      <label className="bulk-field">
        <span className="visually-hidden">{t('bulk.rate')}</span>
        <select
          className="select select-compact"
          value=""
          onChange={(event) => void rateRecords(records, Number(event.target.value))}
        >
          <option value="" disabled>
            {t('bulk.rate')}
          </option>
          {[5, 4, 3, 2, 1, 0].map((n) => (
            <option key={n} value={n}>
              {n === 0 ? t('bulk.noRating') : '★'.repeat(n)}
            </option>
          ))}
        </select>
      </label>
      <form
        className="bulk-field bulk-tag"
        onSubmit={(event) => {
          event.preventDefault();
          void tagRecords(records, tag).then(() => setTag(''));
        }}
      >
        <input
          className="input input-compact"
          value={tag}
          maxLength={64}
          placeholder={t('bulk.tagPlaceholder')}
          aria-label={t('bulk.tag')}
          onChange={(event) => setTag(event.target.value)}
        />
        <Button size="sm" type="submit" icon="tag" disabled={!tag.trim()}>
          {t('bulk.addTag')}
        </Button>
      </form>
      <label className="bulk-field">
        <span className="visually-hidden">{t('bulk.moveTo')}</span>
        <select
          className="select select-compact"
          value=""
          onChange={(event) => {
            const value = event.target.value;
            void moveRecords(records, value === NO_PROJECT ? null : value);
          }}
        >
          <option value="" disabled>
            {t('bulk.moveTo')}
          </option>
          {projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
          <option value={NO_PROJECT}>{t('projects.none')}</option>
        </select>
      </label>
      <Button size="sm" icon="download" onClick={() => void exportToFolder(records)}>
        {t('library.export')}
      </Button>
      <Button
        size="sm"
        icon="play"
        disabled={comparable.length < 2 || comparable.length > 4}
        title={t('compare.hint')}
        onClick={() => useCompare.getState().open(comparable)}
      >
        {t('compare.open')}
      </Button>
      <Button size="sm" tone="danger" icon="trash" onClick={() => void trashRecords(records)}>
        {t('library.delete')}
      </Button>
      <IconButton icon="close" size="sm" aria-label={t('bulk.clear')} onClick={clear} />
    </section>
  );
}
