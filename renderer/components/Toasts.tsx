// Renders the toast stack; a polite live region so screen readers hear it without losing focus.
// Where it sits (never over a primary control) and how long text is cut is in controls.css; the
// whole text stays in the title (hover) and in the toast's description for assistive technology.
import { useTranslation } from '../i18n/use-translation';
import { useToasts } from '../state/toasts';
import { Button, IconButton } from './Button';
import { Icon } from './Icon';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useToasts((state) => state.toasts);
  const dismiss = useToasts((state) => state.dismiss);
  const hold = useToasts((state) => state.hold);
  return (
    <section
      className="toasts"
      aria-live="polite"
      aria-label={t('common.notifications')}
      onMouseEnter={() => hold(true)}
      onMouseLeave={() => hold(false)}
      onFocus={() => hold(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) hold(false);
      }}
    >
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.tone}`}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          aria-describedby={`toast-text-${toast.id}`}
          data-testid="toast"
        >
          <Icon
            name={toast.tone === 'error' ? 'alert' : toast.tone === 'success' ? 'check' : 'info'}
            className="toast-icon"
          />
          <div
            className="toast-text"
            id={`toast-text-${toast.id}`}
            title={toast.detail ? `${toast.title}\n${toast.detail}` : toast.title}
          >
            <strong>{toast.title}</strong>
            {toast.detail ? <span>{toast.detail}</span> : null}
          </div>
          {toast.action ? (
            <Button
              size="sm"
              tone="ghost"
              onClick={() => {
                toast.action?.run();
                dismiss(toast.id);
              }}
            >
              {toast.action.label}
            </Button>
          ) : null}
          <IconButton
            icon="close"
            size="sm"
            aria-label={t('common.dismiss')}
            onClick={() => dismiss(toast.id)}
          />
        </div>
      ))}
    </section>
  );
}
