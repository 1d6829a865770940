// Projects in the sidebar: filter the library by one, create, rename or delete; drop cards on one
// to move them there. The Trash sits below them.
import { useState } from 'react';
import type { Project } from '../../shared/contract/contract';
import { IconButton } from '../components/Button';
import { Icon } from '../components/Icon';
import { useTranslation } from '../i18n/use-translation';
import { formatNumber } from '../lib/format';
import { useApp } from '../state/app';
import { useLibrary } from '../state/library';
import { useProjects } from '../state/projects';
import { ProjectDialog } from './ProjectDialog';
import { useCardDrop } from './use-card-drop';

// A card can only be dragged here from the Library, whose chunk has already loaded the bulk actions:
// the first paint does not carry them (or their words).
const bulkActions = () => import('../state/bulk-actions');

export function ProjectList() {
  const { t } = useTranslation();
  const projects = useProjects((state) => state.projects);
  const view = useApp((state) => state.view);
  const setView = useApp((state) => state.setView);
  const projectFilter = useLibrary((state) => state.filters.projectId);
  const setFilters = useLibrary((state) => state.setFilters);
  const [editing, setEditing] = useState<Project | 'new' | null>(null);

  function open(projectId: string | undefined): void {
    if (projectFilter !== projectId) setFilters({ projectId });
    setView('library');
  }

  const inLibrary = view === 'library';
  return (
    <section className="projects" aria-labelledby="projects-heading">
      <div className="projects-head">
        <h2 id="projects-heading">{t('projects.title')}</h2>
        <IconButton icon="plus" size="sm" aria-label={t('projects.new')} onClick={() => setEditing('new')} />
      </div>
      <ul className="project-list">
        <li>
          <button
            type="button"
            className="project-item"
            aria-current={inLibrary && projectFilter === undefined ? 'true' : undefined}
            onClick={() => open(undefined)}
          >
            <Icon name="grid" size={14} />
            <span className="project-name">{t('projects.all')}</span>
          </button>
        </li>
        {projects.map((project) => (
          <ProjectRow
            key={project.id}
            project={project}
            current={inLibrary && projectFilter === project.id}
            onOpen={() => open(project.id)}
            onEdit={() => setEditing(project)}
          />
        ))}
      </ul>
      <button type="button" className="project-new" onClick={() => setEditing('new')}>
        <Icon name="plus" size={14} />
        {t('projects.new')}
      </button>
      <TrashEntry />
      <ProjectDialog
        project={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onRemoved={(id) => {
          if (projectFilter === id) setFilters({ projectId: undefined });
        }}
      />
    </section>
  );
}

function ProjectRow(props: { project: Project; current: boolean; onOpen(): void; onEdit(): void }) {
  const { t } = useTranslation();
  const { project } = props;
  const drop = useCardDrop(
    (records) => void bulkActions().then((bulk) => bulk.moveRecords(records, project.id)),
  );
  return (
    <li className={drop.over ? 'project-row is-drop' : 'project-row'} {...drop.handlers}>
      <button
        type="button"
        className="project-item"
        aria-current={props.current ? 'true' : undefined}
        onClick={props.onOpen}
      >
        <Icon name="folder" size={14} />
        <span className="project-name">{project.name}</span>
        <span className="project-count">{formatNumber(project.generationCount)}</span>
      </button>
      <IconButton
        icon="pencil"
        size="sm"
        className="project-edit"
        aria-label={t('projects.editNamed', { name: project.name })}
        onClick={props.onEdit}
      />
    </li>
  );
}

function TrashEntry() {
  const { t } = useTranslation();
  const view = useApp((state) => state.view);
  const setView = useApp((state) => state.setView);
  const drop = useCardDrop((records) => void bulkActions().then((bulk) => bulk.trashRecords(records)));
  return (
    <button
      type="button"
      className={drop.over ? 'nav-item trash-entry is-drop' : 'nav-item trash-entry'}
      data-testid="nav-trash"
      aria-current={view === 'trash' ? 'page' : undefined}
      onClick={() => setView('trash')}
      {...drop.handlers}
    >
      <Icon name="trash" />
      <span className="nav-label">{t('nav.trash')}</span>
    </button>
  );
}
