// Where a video file is, for hosts that cannot open a file manager: the absolute path in a
// read-only field that wraps (a long path is seen whole), selected on open so Ctrl/Cmd+C works at
// once, and a "Copy path" button.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFileLocation } from '../state/file-location';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { Field } from './Field';

/** The clipboard API needs a secure context and permission; selecting and copying works without. */
async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return document.execCommand('copy');
  }
}

export function FileLocationDialog() {
  const { t } = useTranslation();
  const shown = useFileLocation((state) => state.shown);
  const close = useFileLocation((state) => state.close);
  const field = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    setCopied(null);
    if (shown) {
      field.current?.focus();
      field.current?.select();
    }
  }, [shown]);

  return (
    <Dialog
      open={shown !== null}
      title={t('fileLocation.title')}
      onClose={close}
      width="md"
      footer={
        <>
          <span className="footer-start hint" role="status">
            {copied === 'yes'
              ? t('fileLocation.copied')
              : copied === 'failed'
                ? t('fileLocation.copyFailed')
                : ''}
          </span>
          <Button onClick={close}>{t('common.close')}</Button>
          <Button
            tone="primary"
            icon="copy"
            onClick={async () =>
              setCopied((await copyText(shown?.path ?? '', field.current)) ? 'yes' : 'failed')
            }
          >
            {t('fileLocation.copy')}
          </Button>
        </>
      }
    >
      <p className="hint">{t('fileLocation.explain', { title: shown?.title ?? '' })}</p>
      <Field label={t('fileLocation.label')}>
        {(control) => (
          <textarea
            {...control}
            ref={field}
            className="input input-mono file-path"
            readOnly
            rows={3}
            value={shown?.path ?? ''}
            onFocus={(event) => event.currentTarget.select()}
            // Focused (and so selected) once the dialog is open: it now mounts already open.
            data-autofocus
            data-testid="file-location-path"
          />
        )}
      </Field>
    </Dialog>
  );
}
