// Asks for a folder path when the host has no native folder picker (the browser host): the
// desktop app shows the OS dialog instead, and this never appears there.

import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { isAbsolutePath } from '../../shared/contract/file-limits';
import { useTranslation } from '../i18n/use-translation';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { Field } from './Field';

interface PromptState {
  request: { title: string; resolve: (path: string | null) => void } | null;
}

const usePrompt = create<PromptState>()(() => ({ request: null }));

/** Resolves with the typed path, or null when the user cancels. */
export function promptForFolder(title: string): Promise<string | null> {
  return new Promise((resolve) => usePrompt.setState({ request: { title, resolve } }));
}

export function FolderPrompt() {
  const { t } = useTranslation();
  const request = usePrompt((state) => state.request);
  const [path, setPath] = useState('');
  // Shown after a try, so typing "/ho…" is not called wrong; what was typed stays to be fixed.
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (request) {
      setPath('');
      setProblem(undefined);
    }
  }, [request]);

  const finish = (value: string | null) => {
    request?.resolve(value);
    usePrompt.setState({ request: null });
  };
  const trimmed = path.trim();
  /** Every host refuses a relative path (absolutePathSchema); say so here, in the UI language. */
  const submit = () => {
    if (!trimmed) return;
    if (isAbsolutePath(trimmed)) finish(trimmed);
    else if (trimmed.startsWith('~')) setProblem(t('folderPrompt.tilde'));
    else setProblem(t('errorReasons.relative_path', { path: trimmed }));
  };
  return (
    <Dialog
      open={request !== null}
      title={request?.title ?? ''}
      onClose={() => finish(null)}
      width="md"
      footer={
        <>
          <Button onClick={() => finish(null)}>{t('common.cancel')}</Button>
          <Button tone="primary" disabled={!trimmed} onClick={submit}>
            {t('folderPrompt.confirm')}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label={t('folderPrompt.label')} hint={t('folderPrompt.hint')} error={problem}>
          {(control) => (
            <input
              {...control}
              className="input input-mono"
              value={path}
              placeholder={t('folderPrompt.placeholder')}
              spellCheck={false}
              onChange={(event) => {
                setProblem(undefined);
                setPath(event.target.value);
              }}
              autoFocus
              data-testid="folder-input"
            />
          )}
        </Field>
      </form>
    </Dialog>
  );
}
