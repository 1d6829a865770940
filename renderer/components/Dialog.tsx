// Modal dialogs on the native <dialog>: showModal() makes the rest of the page inert (focus stays
// inside) and Escape fires 'cancel', which we route to onClose so React state stays the truth.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { Button, IconButton } from './Button';

interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  tone?: 'default' | 'danger';
  width?: 'sm' | 'md';
}

export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  tone = 'default',
  width = 'sm',
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const returnFocus = document.activeElement as HTMLElement | null;
      dialog.showModal();
      // showModal focuses the first control (the close button); a dialog made for typing says
      // where typing starts with data-autofocus (React's autoFocus runs before showModal).
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
      return () => {
        if (dialog.open) dialog.close();
        returnFocus?.focus?.();
      };
    }
    return undefined;
  }, [open]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on the backdrop; the keyboard closes with Escape ('cancel')
    <dialog
      ref={ref}
      className={`dialog dialog-${width} dialog-${tone}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open ? (
        <div className="dialog-body">
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <IconButton icon="close" aria-label={t('common.close')} onClick={onClose} size="sm" />
          </header>
          <div className="dialog-content">{children}</div>
          {footer ? <footer className="dialog-footer">{footer}</footer> : null}
        </div>
      ) : null}
    </dialog>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: 'default' | 'danger';
  busy?: boolean;
  onConfirm(): void;
  onClose(): void;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  tone,
  busy,
  onConfirm,
  onClose,
}: ConfirmProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      tone={tone}
      footer={
        <>
          <Button onClick={onClose}>{cancelLabel ?? t('common.cancel')}</Button>
          <Button tone={tone === 'danger' ? 'danger' : 'primary'} onClick={onConfirm} busy={busy} autoFocus>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
