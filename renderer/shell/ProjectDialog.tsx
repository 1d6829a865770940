// Create or rename a project; deleting keeps its videos (they move to "no project").
import { useEffect, useState } from 'react';
import type { Project } from '../../shared/contract/contract';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { useTranslation } from '../i18n/use-translation';
import { useProjects } from '../state/projects';

interface ProjectDialogProps {
  open: boolean;
  project: Project | null;
  onClose(): void;
  onRemoved(id: string): void;
}

export function ProjectDialog({ open, project, onClose, onRemoved }: ProjectDialogProps) {
  const { t } = useTranslation();
  const { create, rename, remove } = useProjects.getState();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    if (open) {
      setName(project?.name ?? '');
      setError(null);
      setConfirmDelete(false);
    }
  }, [open, project]);

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const trimmed = name.trim();
  const save = () =>
    run(async () => {
      if (project) await rename(project.id, trimmed);
      else await create(trimmed);
    });

  return (
    <Dialog
      open={open}
      title={project ? t('projects.editTitle') : t('projects.newTitle')}
      onClose={onClose}
      footer={
        <>
          {project ? (
            <Button
              tone="danger"
              className="footer-start"
              onClick={() =>
                confirmDelete
                  ? run(async () => {
                      await remove(project.id);
                      onRemoved(project.id);
                    })
                  : setConfirmDelete(true)
              }
            >
              {confirmDelete ? t('projects.confirmDelete') : t('projects.delete')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button tone="primary" disabled={!trimmed || busy} busy={busy} onClick={save}>
            {project ? t('common.save') : t('projects.create')}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed) void save();
        }}
      >
        <Field label={t('projects.name')}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              maxLength={100}
              placeholder={t('projects.namePlaceholder')}
              onChange={(event) => setName(event.target.value)}
              autoFocus
            />
          )}
        </Field>
      </form>
      {confirmDelete ? <p className="hint">{t('projects.deleteExplain')}</p> : null}
      {error ? <ErrorNotice error={error} compact /> : null}
    </Dialog>
  );
}
