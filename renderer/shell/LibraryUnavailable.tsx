// "Library not found" (or unreadable, read-only, full): shown instead of the views when the core
// could not open the library at start-up. Nothing was created in its place; the user picks the
// way out: the same place again (after connecting its drive), an existing library elsewhere, or a
// new empty one.
import { useState } from 'react';
import type { AppInfo, LibraryProblem } from '../../shared/contract/contract';
import { Button } from '../components/Button';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { useTranslation } from '../i18n/use-translation';
import { chooseFolder } from '../lib/choose-folder';
import { notifySuccess } from '../lib/notify';
import { useApp } from '../state/app';
import { studio } from '../studio';
import { RebuildLibrary } from '../views/settings/RebuildLibrary';

type Choice = 'retry' | 'locate' | 'create';

export function LibraryUnavailable({ problem }: { problem: LibraryProblem }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Choice | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The folder is there but its database is not usable: rebuilding it is the likely way out.
  const canRebuild =
    problem.folderExists === true &&
    (problem.kind === 'library_missing' || problem.kind === 'library_corrupt' || problem.kind === 'storage');

  async function choose(choice: Choice): Promise<void> {
    const folder =
      choice === 'retry'
        ? null
        : await chooseFolder(
            t(choice === 'locate' ? 'libraryUnavailable.locateTitle' : 'libraryUnavailable.createTitle'),
          );
    if (choice !== 'retry' && !folder) return;
    setBusy(choice);
    setError(null);
    try {
      const info: AppInfo =
        choice === 'retry'
          ? await studio.library.reopen()
          : choice === 'locate'
            ? await studio.library.locate({ folder: folder ?? '' })
            : await studio.library.createNew({ folder: folder ?? '' });
      useApp.setState({ info });
      notifySuccess(t('libraryUnavailable.opened'), info.libraryRoot);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="library-unavailable" data-testid="library-unavailable" data-kind={problem.kind}>
      <div className="empty-icon">
        <Icon name={problem.kind === 'library_missing' ? 'folder' : 'alert'} size={28} />
      </div>
      <h2>{t(`libraryUnavailable.title.${problem.kind}`)}</h2>
      <p>{t('libraryUnavailable.lead')}</p>
      <code className="path">{problem.path}</code>
      <p>{t(`libraryUnavailable.why.${problem.kind}`)}</p>
      {/* The core's sentence names the exact file for the other kinds; for a missing library it adds nothing. */}
      {problem.kind === 'library_missing' ? null : <p className="hint">{problem.message}</p>}
      {error ? <ErrorNotice error={error} compact /> : null}
      {problem.folderExists &&
      (problem.kind === 'library_missing' ||
        problem.kind === 'library_corrupt' ||
        problem.kind === 'storage') ? (
        <div className="library-unavailable-rebuild">
          <p>{t('libraryUnavailable.rebuildLead')}</p>
          <RebuildLibrary tone="primary" />
        </div>
      ) : null}
      <div className="library-unavailable-actions">
        <Button icon="refresh" busy={busy === 'retry'} onClick={() => void choose('retry')}>
          {t('libraryUnavailable.retry')}
        </Button>
        <Button icon="folder" busy={busy === 'locate'} onClick={() => void choose('locate')}>
          {t('libraryUnavailable.locate')}
        </Button>
        <Button
          tone={canRebuild ? undefined : 'primary'}
          icon="plus"
          busy={busy === 'create'}
          onClick={() => void choose('create')}
        >
          {t('libraryUnavailable.create')}
        </Button>
      </div>
    </div>
  );
}
