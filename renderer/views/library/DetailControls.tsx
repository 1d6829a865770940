// Small controls of the detail panel: favourite, and the project the video belongs to (moving it
// is choosing another).
import { useId } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { IconButton } from '../../components/Button';
import { useTranslation } from '../../i18n/use-translation';
import { favouriteRecords, moveRecords } from '../../state/bulk-actions';
import { useProjects } from '../../state/projects';

const NO_PROJECT = '__none__';

export function FavouriteButton({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const label = record.favourite ? t('library.unfavourite') : t('library.favourite');
  return (
    <IconButton
      icon="star"
      className={record.favourite ? 'fav-toggle is-on' : 'fav-toggle'}
      aria-pressed={record.favourite}
      aria-label={label}
      title={label}
      onClick={() => void favouriteRecords([record.id], !record.favourite)}
    />
  );
}

export function ProjectPicker({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const id = useId();
  const projects = useProjects((state) => state.projects);
  return (
    <div className="detail-project">
      <label htmlFor={id}>{t('bulk.moveTo')}</label>
      <select
        id={id}
        className="select select-compact"
        value={record.projectId ?? NO_PROJECT}
        onChange={(event) => {
          const value = event.target.value;
          void moveRecords([record], value === NO_PROJECT ? null : value);
        }}
      >
        <option value={NO_PROJECT}>{t('projects.none')}</option>
        {projects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </select>
    </div>
  );
}
