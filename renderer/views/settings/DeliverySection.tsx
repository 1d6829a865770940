// How results reach us: polling (works everywhere) or callbacks through a public URL the user's
// tunnel forwards to our local receiver. Callbacks only speed things up; polling continues as a
// safety net, so a broken tunnel delays results but never loses them.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract/contract';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import { useSaveSetting } from './use-save-setting';

export function DeliverySection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useSaveSetting();
  const [url, setUrl] = useState(settings.callbackPublicUrl);
  const [port, setPort] = useState(String(settings.callbackPort));
  useEffect(() => setUrl(settings.callbackPublicUrl), [settings.callbackPublicUrl]);
  useEffect(() => setPort(String(settings.callbackPort)), [settings.callbackPort]);

  const urlError =
    url.trim() && !/^https:\/\//i.test(url.trim()) ? t('settings.delivery.urlHttps') : undefined;
  const commitUrl = () => {
    if (url !== settings.callbackPublicUrl && !urlError) save({ callbackPublicUrl: url.trim() });
  };
  const commitPort = () => {
    const value = Number(port);
    if (Number.isInteger(value) && value >= 0 && value <= 65535 && value !== settings.callbackPort) {
      save({ callbackPort: value });
    }
  };

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
              <input
                {...control}
                className="input input-mono"
                type="url"
                placeholder="https://my-tunnel.example.com/apixo"
                value={url}
                onChange={(event) => setUrl(event.target.value)}
                onBlur={commitUrl}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') commitUrl();
                }}
              />
            )}
          </Field>
          <Field
            label={t('settings.delivery.port')}
            hint={t('settings.delivery.portHint')}
            className="field-narrow"
          >
            {(control) => (
              <input
                {...control}
                className="input input-mono"
                inputMode="numeric"
                value={port}
                onChange={(event) => setPort(event.target.value)}
                onBlur={commitPort}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') commitPort();
                }}
              />
            )}
          </Field>
        </div>
      ) : null}
    </>
  );
}
