// The Generate form's memory, one click away: recent prompts and saved presets. Reusing a prompt
// puts the cursor back in the prompt; applying a preset says which one was applied.
import { type SyntheticEvent, useState } from 'react';
import { createPortal } from 'react-dom';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n/use-translation';
import { useToasts } from '../../state/toasts';
import { PresetsDialog } from './PresetsDialog';
import { PromptHistoryDialog } from './PromptHistoryDialog';

function focusPrompt(): void {
  // After the dialog has closed and handed focus back to its button.
  setTimeout(() => document.querySelector<HTMLTextAreaElement>('[data-testid="prompt"]')?.focus(), 0);
}

const stop = (event: SyntheticEvent) => event.stopPropagation();

export function GenerateTools() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'history' | 'presets' | null>(null);
  return (
    <div className="generate-tools">
      <Button size="sm" tone="ghost" icon="clock" onClick={() => setOpen('history')}>
        {t('history.open')}
      </Button>
      <Button size="sm" tone="ghost" icon="star" onClick={() => setOpen('presets')}>
        {t('presets.open')}
      </Button>
      {/* The dialogs have forms of their own, so they live outside the Generate form's element
          (a form in a form is not a form); in React's tree they are still inside it, so their
          submits and keys must not reach it (Enter in a preset name is not "generate"). */}
      {createPortal(
        // biome-ignore lint/a11y/noStaticElementInteractions: only stops events from bubbling to the form
        <div className="generate-tools-dialogs" onSubmit={stop} onKeyDown={stop}>
          <PromptHistoryDialog
            open={open === 'history'}
            onClose={(reused) => {
              setOpen(null);
              if (reused) focusPrompt();
            }}
          />
          <PresetsDialog
            open={open === 'presets'}
            onClose={(applied) => {
              setOpen(null);
              if (applied)
                useToasts
                  .getState()
                  .show({ tone: 'success', title: t('presets.applied', { name: applied.name }) });
            }}
          />
        </div>,
        document.body,
      )}
    </div>
  );
}
