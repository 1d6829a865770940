// The APIXO key: set, replace, remove. The UI never sees the key again after sending it; it shows
// where main keeps it and the last four characters. Without a working keychain the user must
// explicitly choose to keep it for this session only, never a silent plaintext fallback.
import { useState } from 'react';
import { Button, IconButton } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { useApp } from '../../state/app';
import { useToasts } from '../../state/toasts';
import { studio } from '../../studio';

export function KeySection() {
  const { t } = useTranslation();
  const key = useApp((state) => state.key);
  const [draft, setDraft] = useState('');
  const [reveal, setReveal] = useState(false);
  const [sessionOnly, setSessionOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);

  if (!key) {
    return (
      <div className="view-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('common.loading')}
      </div>
    );
  }

  const where = key.keychainAvailable && !sessionOnly ? 'keychain' : 'session';
  const canSave = draft.trim().length > 0 && (key.keychainAvailable || sessionOnly);

  async function save(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const status = await studio.key.set({ key: draft.trim(), where });
      useApp.setState({ key: status });
      setDraft('');
      setReveal(false);
      useToasts.getState().show({ tone: 'success', title: t('settings.key.saved') });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      useApp.setState({ key: await studio.key.clear() });
      setConfirmRemove(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="key-section" data-testid="key-section">
      <div className={key.set ? 'key-status is-set' : 'key-status'}>
        <Icon name={key.set ? 'check' : 'key'} size={18} />
        <div>
          <strong data-testid="key-status">
            {key.set ? t('settings.key.setLast4', { last4: key.last4 ?? '····' }) : t('settings.key.notSet')}
          </strong>
          <span className="hint">
            {key.location === 'keychain'
              ? t('settings.key.inKeychain', { backend: key.keychainBackend })
              : key.location === 'session'
                ? t('settings.key.inSession')
                : key.location === 'environment'
                  ? t('settings.key.inEnvironment')
                  : t('settings.key.demoExplain')}
          </span>
        </div>
        {key.set && key.location !== 'environment' ? (
          <Button size="sm" tone="ghost" icon="trash" onClick={() => setConfirmRemove(true)}>
            {t('settings.key.remove')}
          </Button>
        ) : null}
      </div>

      {!key.keychainAvailable ? (
        <div className="notice notice-warning" role="note">
          <Icon name="alert" size={18} className="notice-icon" />
          <div className="notice-text">
            <strong>{t('settings.key.noKeychain')}</strong>
            <span>{t('settings.key.noKeychainExplain')}</span>
            {key.keychainError ? (
              <span className="notice-detail">
                {key.keychainErrorReason && key.keychainErrorReason !== 'other'
                  ? t(`settings.key.keychainReason.${key.keychainErrorReason}`)
                  : key.keychainError}
              </span>
            ) : null}
            <label className="check">
              <input
                type="checkbox"
                checked={sessionOnly}
                onChange={(event) => setSessionOnly(event.target.checked)}
              />
              <span>{t('settings.key.sessionOnly')}</span>
            </label>
          </div>
        </div>
      ) : (
        <p className="hint">{t('settings.key.storedIn', { backend: key.keychainBackend })}</p>
      )}

      <form
        className="key-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSave) void save();
        }}
      >
        <Field label={key.set ? t('settings.key.replace') : t('settings.key.label')}>
          {(control) => (
            <div className="input-with-button">
              <input
                {...control}
                className="input input-mono"
                type={reveal ? 'text' : 'password'}
                autoComplete="off"
                spellCheck={false}
                value={draft}
                placeholder={t('settings.key.placeholder')}
                onChange={(event) => setDraft(event.target.value)}
                data-testid="key-input"
              />
              <IconButton
                icon={reveal ? 'eyeOff' : 'eye'}
                aria-label={reveal ? t('settings.key.hide') : t('settings.key.show')}
                pressed={reveal}
                onClick={() => setReveal(!reveal)}
              />
            </div>
          )}
        </Field>
        <Button type="submit" tone="primary" disabled={!canSave} busy={busy} icon="key">
          {key.set ? t('settings.key.replaceButton') : t('settings.key.save')}
        </Button>
      </form>
      {error ? <ErrorNotice error={error} compact /> : null}

      <ConfirmDialog
        open={confirmRemove}
        title={t('settings.key.removeTitle')}
        confirmLabel={t('settings.key.removeConfirm')}
        tone="danger"
        busy={busy}
        onConfirm={() => void remove()}
        onClose={() => setConfirmRemove(false)}
      >
        <p>{t('settings.key.removeExplain')}</p>
      </ConfirmDialog>
    </div>
  );
}
