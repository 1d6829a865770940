// Projects in the sidebar: filter the library by one, create, rename or delete.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../shared/contract/contract';
import { IconButton } from '../components/Button';
import { Icon } from '../components/Icon';
import { formatNumber } from '../lib/format';
import { useApp } from '../state/app';
import { useLibrary } from '../state/library';
import { useProjects } from '../state/projects';
import { ProjectDialog } from './ProjectDialog';

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
          <li key={project.id} className="project-row">
            <button
              type="button"
              className="project-item"
              aria-current={inLibrary && projectFilter === project.id ? 'true' : undefined}
              onClick={() => open(project.id)}
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
              onClick={() => setEditing(project)}
            />
          </li>
        ))}
      </ul>
      <button type="button" className="project-new" onClick={() => setEditing('new')}>
        <Icon name="plus" size={14} />
        {t('projects.new')}
      </button>
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
