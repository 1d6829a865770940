// How results reach us: polling (works everywhere) or callbacks through a public URL the user's
// tunnel forwards to our local receiver. Callbacks only speed things up; polling continues as a
// safety net, so a broken tunnel delays results but never loses them.
import { useState } from 'react';
import type { Settings } from '../../../shared/contract/contract';
import { CommitInput } from '../../components/CommitInput';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import { useTranslation } from '../../i18n/use-translation';
import { linkError } from '../../lib/link-message';
import { useSaveSetting } from './use-save-setting';

const urlAllowed = (url: string): boolean => !url.trim() || /^https:\/\//i.test(url.trim());
const portAllowed = (port: string): boolean => {
  const value = Number(port);
  return port.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 65535;
};

export function DeliverySection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useSaveSetting();
  // Only for the inline error: the field keeps its own draft.
  const [url, setUrl] = useState(settings.callbackPublicUrl);
  const urlError = urlAllowed(url) ? undefined : (linkError(t, url) ?? t('settings.delivery.urlHttps'));

  return (
    <>
      <div className="control-group">
        <Segmented
          label={t('settings.delivery.mode')}
          value={settings.delivery}
          options={[
            { value: 'polling', label: t('settings.delivery.polling') },
            { value: 'callback', label: t('settings.delivery.callback') },
          ]}
          onChange={(delivery) => save({ delivery })}
        />
        <p className="hint">
          {settings.delivery === 'polling'
            ? t('settings.delivery.pollingHint')
            : t('settings.delivery.callbackHint')}
        </p>
      </div>
      {settings.delivery === 'callback' ? (
        <div className="options-row">
          <Field
            label={t('settings.delivery.publicUrl')}
            error={urlError}
            hint={
              settings.callbackPort
                ? t('settings.delivery.publicUrlHint', { port: settings.callbackPort })
                : t('settings.delivery.publicUrlHintNoPort')
            }
            className="field-grow"
          >
            {(control) => (
              <CommitInput
                {...control}
                className="input input-mono"
                type="url"
                placeholder="https://my-tunnel.example.com/apixo"
                value={settings.callbackPublicUrl}
                onDraftChange={setUrl}
                canCommit={urlAllowed}
                onCommit={(callbackPublicUrl) => save({ callbackPublicUrl })}
              />
            )}
          </Field>
          <Field
            label={t('settings.delivery.port')}
            hint={t('settings.delivery.portHint')}
            className="field-narrow"
          >
            {(control) => (
              <CommitInput
                {...control}
                className="input input-mono"
                inputMode="numeric"
                value={String(settings.callbackPort)}
                canCommit={portAllowed}
                onCommit={(port) => save({ callbackPort: Number(port) })}
              />
            )}
          </Field>
        </div>
      ) : null}
    </>
  );
}
