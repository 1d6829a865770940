// Settings, grouped the way people look for them: account, library, delivery, desktop, appearance.
// Every control saves on change (text fields on blur or Enter); main's answer is what we show.
import type { ReactNode } from 'react';
import { Segmented } from '../../components/Segmented';
import { Switch } from '../../components/Switch';
import { useTranslation } from '../../i18n/use-translation';
import { useApp } from '../../state/app';
import { useSettings } from '../../state/settings';
import { BalanceSection } from './BalanceSection';
import { BudgetSection } from './BudgetSection';
import { DeliverySection } from './DeliverySection';
import { HostingSection } from './HostingSection';
import { KeySection } from './KeySection';
import { LibrarySection } from './LibrarySection';
import { useSaveSetting } from './use-save-setting';
import { WatchFoldersSection } from './WatchFoldersSection';

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section className="settings-section" aria-labelledby={id}>
      <div className="settings-section-head">
        <h2 id={id}>{title}</h2>
        {description ? <p className="hint">{description}</p> : null}
      </div>
      <div className="settings-section-body">{children}</div>
    </section>
  );
}

export function SettingsView() {
  const { t } = useTranslation();
  const settings = useSettings((state) => state.settings);
  const info = useApp((state) => state.info);
  const save = useSaveSetting();

  if (!settings) {
    return (
      <div className="view-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('common.loading')}
      </div>
    );
  }
  const desktopOnly = info?.host === 'browser';
  return (
    <div className="settings view-pad">
      <Section id="settings-key" title={t('settings.key.title')} description={t('settings.key.description')}>
        <KeySection />
        <BalanceSection />
      </Section>
      <Section
        id="settings-budget"
        title={t('budget.settingsTitle')}
        description={t('budget.settingsDescription')}
      >
        <BudgetSection />
      </Section>
      <Section
        id="settings-library"
        title={t('settings.library.title')}
        description={t('settings.library.description')}
      >
        <LibrarySection settings={settings} />
      </Section>
      <Section
        id="settings-hosting"
        title={t('settings.hosting.title')}
        description={t('settings.hosting.description')}
      >
        <HostingSection settings={settings} />
      </Section>
      <Section
        id="settings-watch"
        title={t('settings.watch.title')}
        description={t('settings.watch.description')}
      >
        <WatchFoldersSection settings={settings} />
      </Section>
      <Section
        id="settings-delivery"
        title={t('settings.delivery.title')}
        description={t('settings.delivery.description')}
      >
        <DeliverySection settings={settings} />
      </Section>
      <Section
        id="settings-desktop"
        title={t('settings.desktop.title')}
        description={desktopOnly ? t('settings.desktop.browserNote') : t('settings.desktop.description')}
      >
        <Switch
          label={t('settings.desktop.notifications')}
          description={t('settings.desktop.notificationsHint')}
          checked={settings.notifications}
          onChange={(notifications) => save({ notifications })}
        />
        <Switch
          label={t('settings.desktop.tray')}
          description={t('settings.desktop.trayHint')}
          checked={settings.tray}
          onChange={(tray) => save({ tray })}
        />
        <Switch
          label={t('settings.desktop.taskbar')}
          description={t('settings.desktop.taskbarHint')}
          checked={settings.taskbarProgress}
          onChange={(taskbarProgress) => save({ taskbarProgress })}
        />
      </Section>
      <Section id="settings-appearance" title={t('settings.appearance.title')}>
        <Segmented
          label={t('settings.appearance.language')}
          value={settings.language}
          options={[
            { value: 'system', label: t('settings.appearance.system') },
            { value: 'en', label: 'English' },
            { value: 'ru', label: 'Русский' },
          ]}
          onChange={(language) => save({ language })}
        />
        <Segmented
          label={t('settings.appearance.theme')}
          value={settings.theme}
          options={[
            { value: 'system', label: t('settings.appearance.system') },
            { value: 'light', label: t('settings.appearance.light') },
            { value: 'dark', label: t('settings.appearance.dark') },
          ]}
          onChange={(theme) => save({ theme })}
        />
      </Section>
      {info ? (
        <Section id="settings-about" title={t('settings.about.title')}>
          <dl className="kv">
            <div className="kv-row">
              <dt>{t('settings.about.version')}</dt>
              <dd>{info.version}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('settings.about.host')}</dt>
              <dd>
                {info.host === 'electron'
                  ? t('settings.about.hostElectron')
                  : t('settings.about.hostBrowser')}
              </dd>
            </div>
            <div className="kv-row">
              <dt>{t('settings.about.platform')}</dt>
              <dd>{info.platform}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('settings.about.api')}</dt>
              <dd>
                {info.demoMode ? (
                  t('settings.about.simulator')
                ) : (
                  <>
                    <span className="mono" data-testid="api-base-url">
                      {info.apiBaseUrl}
                    </span>{' '}
                    <span className="hint">
                      (
                      {info.apiBaseUrlSource === 'flag'
                        ? t('settings.about.apiSourceFlag')
                        : info.apiBaseUrlSource === 'environment'
                          ? t('settings.about.apiSourceEnvironment')
                          : t('settings.about.apiSourceDefault')}
                      )
                    </span>
                    <div className="hint">{t('settings.about.apiFixed')}</div>
                  </>
                )}
              </dd>
            </div>
          </dl>
        </Section>
      ) : null}
    </div>
  );
}
