// Sequences of a project: the list on the left (with "New sequence"), the open one's editor on the
// right. The project follows the library's project filter when the view opens.
import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { useTranslation } from '../../i18n/use-translation';
import { formatRelative } from '../../lib/format';
import { useLibrary } from '../../state/library';
import { useProjects } from '../../state/projects';
import { useSequences } from '../../state/sequences';
// Registers "Continue the last shot" (the frame decoder loads only when it runs).
import '../../state/continuation-target';
import { SequenceEditor } from './SequenceEditor';

const ALL = '__all__';
const NONE = '__none__';

export function SequencesView() {
  const { t } = useTranslation();
  const { list, current, projectId } = useSequences();
  const projects = useProjects((state) => state.projects);
  const [name, setName] = useState('');

  useEffect(() => {
    const filter = useLibrary.getState().filters.projectId;
    void useSequences.getState().setProject(filter);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    void useSequences
      .getState()
      .create(name)
      .then((created) => created && setName(''));
  };

  return (
    <div className="sequences">
      <aside className="sequences-side" aria-label={t('sequences.listLabel')}>
        <label className="sequences-project">
          <span className="field-label">{t('sequences.project')}</span>
          <select
            className="select"
            value={projectId === undefined ? ALL : projectId === null ? NONE : projectId}
            onChange={(event) => {
              const value = event.target.value;
              void useSequences
                .getState()
                .setProject(value === ALL ? undefined : value === NONE ? null : value);
            }}
          >
            <option value={ALL}>{t('sequences.allProjects')}</option>
            {projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
            <option value={NONE}>{t('projects.none')}</option>
          </select>
        </label>
        <form className="sequences-new" onSubmit={submit}>
          <input
            className="input"
            value={name}
            maxLength={100}
            placeholder={t('sequences.newPlaceholder')}
            aria-label={t('sequences.newName')}
            onChange={(event) => setName(event.target.value)}
          />
          <Button type="submit" tone="primary" icon="plus" disabled={!name.trim()}>
            {t('sequences.create')}
          </Button>
        </form>
        <ul className="sequences-list" data-testid="sequence-list">
          {list.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="sequences-item"
                aria-current={current?.id === item.id ? 'true' : undefined}
                onClick={() => void useSequences.getState().open(item.id)}
              >
                <span className="sequences-item-name">{item.name}</span>
                <span className="muted">
                  {t('sequences.clipCount', { count: item.clipCount })} · {formatRelative(item.updatedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {list.length === 0 ? <p className="muted sequences-none">{t('sequences.noneYet')}</p> : null}
      </aside>
      <section className="sequences-main">
        {current ? (
          <SequenceEditor sequence={current} />
        ) : (
          <EmptyState icon="film" title={t('sequences.emptyTitle')}>
            {t('sequences.emptyText')}
          </EmptyState>
        )}
      </section>
    </div>
  );
}
