// Full-width notices under the top bar: demo mode, a lost connection to the engine, and a settings
// file that could not be read (kept aside; defaults in use).
import { useState } from 'react';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import { useTranslation } from '../i18n/use-translation';
import { attempt } from '../lib/notify';
import { useApp } from '../state/app';
import { demoBalanceRanOut, resetDemoBalance } from '../state/balance';

export function DemoBanner() {
  const { t } = useTranslation();
  const demo = useApp((state) => state.info?.demoMode);
  const setView = useApp((state) => state.setView);
  const view = useApp((state) => state.view);
  const ranOut = useApp((state) => demoBalanceRanOut(state.balance));
  if (!demo) return null;
  return (
    <div className="banner banner-demo" role="note" data-testid="demo-banner">
      <Icon name="sparkles" size={16} />
      <span className="banner-text">
        {t('demo.text')} {ranOut ? t('demo.ranOut') : t('demo.pretendMoney')}
      </span>
      {ranOut ? (
        <Button size="sm" tone="ghost" icon="refresh" onClick={() => void attempt(resetDemoBalance)}>
          {t('balance.resetDemo')}
        </Button>
      ) : null}
      {view !== 'settings' ? (
        <Button size="sm" tone="ghost" icon="key" onClick={() => setView('settings')}>
          {t('demo.addKey')}
        </Button>
      ) : null}
    </div>
  );
}

const CONNECTION_TEXT = {
  'no-token': 'connection.noToken',
  'signed-out': 'connection.signedOut',
  'host-gone': 'connection.hostGone',
  reconnecting: 'connection.reconnecting',
} as const;

export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useApp((state) => state.connection);
  if (connection === 'open' || connection === 'connecting') return null;
  return (
    <div className="banner banner-warning" role="status" data-testid="connection-banner">
      {connection === 'no-token' || connection === 'signed-out' ? (
        <Icon name="key" size={16} />
      ) : connection === 'host-gone' ? (
        <Icon name="offline" size={16} />
      ) : (
        <span className="spinner" aria-hidden="true" />
      )}
      <span className="banner-text">{t(CONNECTION_TEXT[connection])}</span>
    </div>
  );
}

export function SettingsKeptBanner() {
  const { t } = useTranslation();
  const keptAs = useApp((state) => state.info?.settingsKeptAs);
  const [dismissed, setDismissed] = useState(false);
  if (!keptAs || dismissed) return null;
  return (
    <div className="banner banner-warning" role="alert" data-testid="settings-kept-banner">
      <Icon name="alert" size={16} />
      <span className="banner-text">{t('settingsKept.text', { path: keptAs })}</span>
      <Button size="sm" tone="ghost" onClick={() => setDismissed(true)}>
        {t('common.dismiss')}
      </Button>
    </div>
  );
}
