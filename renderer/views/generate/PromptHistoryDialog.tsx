// Recent prompts: search as you type, pick one (click, or Enter on it; ↑/↓ move between them) to
// put it back in the form, delete the ones not worth keeping.
import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { MODELS } from '../../../shared/domain/models';
import { IconButton } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RelativeTime } from '../../components/RelativeTime';
import { useTranslation } from '../../i18n/use-translation';
import { usePromptHistory } from '../../state/prompt-history';

function moveFocus(event: KeyboardEvent<HTMLElement>, list: HTMLElement | null): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...(list?.querySelectorAll<HTMLButtonElement>('.history-use') ?? [])];
  if (buttons.length === 0) return;
  event.preventDefault();
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = event.key === 'ArrowDown' ? Math.min(at + 1, buttons.length - 1) : Math.max(at - 1, 0);
  buttons[at === -1 ? 0 : next]?.focus();
}

export function PromptHistoryDialog({ open, onClose }: { open: boolean; onClose(reused: boolean): void }) {
  const { t } = useTranslation();
  const { entries, search, loading, error } = usePromptHistory();
  const { load, remove, reuse } = usePromptHistory.getState();
  const listRef = useRef<HTMLUListElement>(null);
  const searchId = useId();

  useEffect(() => {
    if (open) void load('');
  }, [open, load]);

  return (
    <Dialog open={open} title={t('history.title')} onClose={() => onClose(false)} width="md">
      <div className="history">
        <label className="field-label" htmlFor={searchId}>
          {t('history.search')}
        </label>
        <input
          id={searchId}
          className="input"
          type="search"
          // The dialog opens to search: typing filters at once, ↓ goes to the list.
          data-autofocus
          value={search}
          placeholder={t('history.searchPlaceholder')}
          onChange={(event) => void load(event.target.value)}
          onKeyDown={(event) => moveFocus(event, listRef.current)}
        />
        {error ? <ErrorNotice error={error} /> : null}
        {entries.length === 0 && !loading ? (
          <p className="hint history-empty">{search ? t('history.noMatch') : t('history.empty')}</p>
        ) : (
          <ul
            ref={listRef}
            className="history-list"
            aria-label={t('history.listLabel')}
            onKeyDown={(event) => moveFocus(event, listRef.current)}
          >
            {entries.map((entry) => (
              <li key={entry.prompt} className="history-item">
                <button
                  type="button"
                  className="history-use"
                  onClick={() => {
                    reuse(entry);
                    onClose(true);
                  }}
                >
                  <span className="history-prompt">{entry.prompt}</span>
                  {entry.negativePrompt ? (
                    <span className="history-negative">
                      {t('history.negative')}: {entry.negativePrompt}
                    </span>
                  ) : null}
                  <span className="history-meta">
                    {MODELS[entry.model].label} ·{' '}
                    {t(entry.mode === 'text-to-video' ? 'generate.textToVideo' : 'generate.imageToVideo')} ·{' '}
                    <RelativeTime at={entry.lastUsedAt} />
                    {entry.uses > 1 ? ` · ${t('history.uses', { count: entry.uses })}` : ''}
                  </span>
                </button>
                <IconButton
                  icon="trash"
                  size="sm"
                  aria-label={t('history.delete', { prompt: entry.prompt.slice(0, 60) })}
                  onClick={() => void remove(entry.prompt)}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
