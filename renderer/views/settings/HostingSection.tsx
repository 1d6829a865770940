// Image hosting: the S3-compatible bucket that reference images from this computer are uploaded
// to (APIXO only takes a public link). Bucket settings save like every other setting; the access
// key ID and secret go to main's SecretStore and come back only as "set / not set". "Test
// connection" runs the whole round trip and names the step that failed.
import { useEffect, useState } from 'react';
import type {
  HostingSettings,
  HostingStatus,
  HostingTestResult,
  Settings,
} from '../../../shared/contract/contract';
import { LINK_LIFETIME_SECONDS } from '../../../shared/domain/hosting-settings';
import { Button } from '../../components/Button';
import { CommitInput } from '../../components/CommitInput';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { Switch } from '../../components/Switch';
import { useTranslation } from '../../i18n/use-translation';
import { linkError } from '../../lib/link-message';
import { studio } from '../../studio';
import { useSaveSetting } from './use-save-setting';

type TextField = 'endpoint' | 'region' | 'bucket' | 'prefix';
const TEXT_FIELDS: TextField[] = ['endpoint', 'region', 'bucket', 'prefix'];

function lifetimeAllowed(draft: string): boolean {
  const minutes = Number(draft);
  return (
    Number.isInteger(minutes) &&
    minutes * 60 >= LINK_LIFETIME_SECONDS.min &&
    minutes * 60 <= LINK_LIFETIME_SECONDS.max
  );
}

export function HostingSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useSaveSetting();
  const hosting = settings.imageHosting;
  const [status, setStatus] = useState<HostingStatus | null>(null);
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [sessionOnly, setSessionOnly] = useState(false);
  const [busy, setBusy] = useState<'save' | 'test' | 'clear' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<HostingTestResult | null>(null);
  // Only for the endpoint's inline error: the field keeps its own draft.
  const [endpointDraft, setEndpointDraft] = useState(hosting.endpoint);
  const endpointError = linkError(t, endpointDraft);

  // Credentials are bound to the endpoint, region and bucket: a change there can unset them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read when the bucket's location changes
  useEffect(() => {
    void studio.hosting.status().then(setStatus, setError);
  }, [hosting.endpoint, hosting.region, hosting.bucket]);

  // Built from the settings as they are when the save runs, not as they were when this rendered.
  const commit = (patch: Partial<HostingSettings>) =>
    save((current) => ({ imageHosting: { ...current.imageHosting, ...patch } }));

  async function run(kind: 'save' | 'test' | 'clear', work: () => Promise<void>): Promise<void> {
    setBusy(kind);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  const where = status?.keychainAvailable && !sessionOnly ? 'keychain' : 'session';
  const canSaveKeys = (keyId.trim() || secret.trim()) && (status?.keychainAvailable || sessionOnly);

  return (
    <div className="hosting-section" data-testid="hosting-section">
      <p className="hint">{t('settings.hosting.providers')}</p>
      <div className="options-row options-wrap">
        {TEXT_FIELDS.map((field) => (
          <Field
            key={field}
            label={t(`settings.hosting.${field}`)}
            hint={t(`settings.hosting.${field}Hint`)}
            error={field === 'endpoint' ? endpointError : undefined}
            className="field-grow"
          >
            {(control) => (
              <CommitInput
                {...control}
                className="input"
                spellCheck={false}
                value={hosting[field]}
                placeholder={t(`settings.hosting.${field}Placeholder`)}
                onCommit={(value) => commit({ [field]: value })}
                {...(field === 'endpoint'
                  ? { onDraftChange: setEndpointDraft, canCommit: (draft: string) => !linkError(t, draft) }
                  : {})}
                data-testid={`hosting-${field}`}
              />
            )}
          </Field>
        ))}
      </div>
      <Switch
        label={t('settings.hosting.pathStyle')}
        description={t('settings.hosting.pathStyleHint')}
        checked={hosting.pathStyle}
        onChange={(pathStyle) => commit({ pathStyle })}
      />
      <Field
        label={t('settings.hosting.lifetime')}
        hint={t('settings.hosting.lifetimeHint')}
        className="field-narrow"
      >
        {(control) => (
          <CommitInput
            {...control}
            className="input"
            type="number"
            min={LINK_LIFETIME_SECONDS.min / 60}
            max={LINK_LIFETIME_SECONDS.max / 60}
            value={String(Math.round(hosting.urlLifetimeSeconds / 60))}
            canCommit={lifetimeAllowed}
            onCommit={(value) => commit({ urlLifetimeSeconds: Number(value) * 60 })}
            data-testid="hosting-lifetime"
          />
        )}
      </Field>
      <Switch
        label={t('settings.hosting.deleteAfter')}
        description={t('settings.hosting.deleteAfterHint')}
        checked={hosting.deleteAfterTask}
        onChange={(deleteAfterTask) => commit({ deleteAfterTask })}
      />

      <div className={status?.accessKeyIdSet && status.secretSet ? 'key-status is-set' : 'key-status'}>
        <Icon name={status?.accessKeyIdSet && status.secretSet ? 'check' : 'key'} size={18} />
        <div>
          <strong data-testid="hosting-keys-status">
            {status?.accessKeyIdSet && status.secretSet
              ? t('settings.hosting.keysSet')
              : t(
                  // Whole sentences per case: Russian agrees the verb with what is missing.
                  status?.accessKeyIdSet
                    ? 'settings.hosting.keysMissingSecret'
                    : status?.secretSet
                      ? 'settings.hosting.keysMissingId'
                      : 'settings.hosting.keysMissingBoth',
                )}
          </strong>
          {status?.savedForOtherBucket ? (
            <span className="hint" data-testid="hosting-keys-other-bucket">
              {t('settings.hosting.keysOtherBucket')}
            </span>
          ) : null}
          <span className="hint">
            {status?.location === 'keychain'
              ? t('settings.hosting.inKeychain')
              : status?.location === 'session'
                ? t('settings.key.inSession')
                : t('settings.hosting.keysExplain')}
          </span>
        </div>
        {status?.accessKeyIdSet || status?.secretSet || status?.savedForOtherBucket ? (
          <Button
            size="sm"
            tone="ghost"
            icon="trash"
            busy={busy === 'clear'}
            onClick={() => void run('clear', async () => setStatus(await studio.hosting.clearCredentials()))}
          >
            {t('settings.key.remove')}
          </Button>
        ) : null}
      </div>
      {status && !status.keychainAvailable ? (
        <label className="check">
          <input
            type="checkbox"
            checked={sessionOnly}
            onChange={(event) => setSessionOnly(event.target.checked)}
          />
          <span>{t('settings.hosting.sessionOnly')}</span>
        </label>
      ) : null}
      <form
        className="hosting-grid hosting-keys"
        onSubmit={(event) => {
          event.preventDefault();
          if (!canSaveKeys) return;
          void run('save', async () => {
            setStatus(
              await studio.hosting.setCredentials({
                ...(keyId.trim() ? { accessKeyId: keyId.trim() } : {}),
                ...(secret.trim() ? { secretAccessKey: secret.trim() } : {}),
                where,
              }),
            );
            setKeyId('');
            setSecret('');
          });
        }}
      >
        <Field label={t('settings.hosting.accessKeyId')} className="field-grow">
          {(control) => (
            <input
              {...control}
              className="input input-mono"
              autoComplete="off"
              spellCheck={false}
              value={keyId}
              onChange={(event) => setKeyId(event.target.value)}
              data-testid="hosting-key-id"
            />
          )}
        </Field>
        <Field label={t('settings.hosting.secret')} className="field-grow">
          {(control) => (
            <input
              {...control}
              className="input input-mono"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
              data-testid="hosting-secret"
            />
          )}
        </Field>
        <Button type="submit" tone="primary" icon="key" disabled={!canSaveKeys} busy={busy === 'save'}>
          {t('settings.hosting.saveKeys')}
        </Button>
      </form>

      <div className="hosting-test">
        <Button
          icon="refresh"
          busy={busy === 'test'}
          onClick={() => void run('test', async () => setResult(await studio.hosting.test()))}
          data-testid="hosting-test"
        >
          {t('settings.hosting.test')}
        </Button>
        {result ? (
          <div
            className={result.ok ? 'notice notice-info' : 'notice notice-error'}
            role={result.ok ? 'status' : 'alert'}
            data-testid="hosting-test-result"
          >
            <Icon name={result.ok ? 'check' : 'alert'} size={18} className="notice-icon" />
            <div className="notice-text">
              <strong>{result.ok ? t('settings.hosting.testOk') : t('settings.hosting.testFailed')}</strong>
              <ol className="hosting-steps">
                {result.steps.map((step) => (
                  <li key={step.step} data-ok={step.ok}>
                    {step.message}
                  </li>
                ))}
              </ol>
              {result.warning ? <span className="notice-detail">{result.warning}</span> : null}
            </div>
          </div>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} compact /> : null}
    </div>
  );
}
