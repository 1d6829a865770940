// The strip above every view: its title, the network, the balance, and the connection to the engine.

import { IconButton } from '../components/Button';
import { Icon } from '../components/Icon';
import { useTranslation } from '../i18n/use-translation';
import { formatUsd } from '../lib/format';
import { attempt } from '../lib/notify';
import { useApp } from '../state/app';
import { refreshBalance } from '../state/balance';

export function TopBar() {
  const { t } = useTranslation();
  const view = useApp((state) => state.view);
  return (
    <header className="topbar">
      <h1 className="topbar-title">{t(`nav.${view}`)}</h1>
      <div className="topbar-status">
        <NetworkIndicator />
        <BalanceChip />
      </div>
    </header>
  );
}

function NetworkIndicator() {
  const { t } = useTranslation();
  const network = useApp((state) => state.network);
  if (network.online) return null;
  return (
    <span className="status-chip status-offline" role="status">
      <Icon name="offline" size={14} />
      {network.waiting > 0 ? t('network.offlineWaiting', { count: network.waiting }) : t('network.offline')}
    </span>
  );
}

function BalanceChip() {
  const { t } = useTranslation();
  const balance = useApp((state) => state.balance);
  const loading = useApp((state) => state.balanceLoading);
  const value =
    balance?.usd !== null && balance?.usd !== undefined
      ? formatUsd(balance.usd)
      : balance?.error
        ? t('balance.unavailable')
        : '—';
  return (
    <div
      className="status-chip balance-chip"
      title={balance?.error ?? (balance?.demo ? t('balance.demoTitle') : undefined)}
    >
      <Icon name="wallet" size={14} />
      <span className="balance-label">{balance?.demo ? t('balance.demo') : t('balance.label')}</span>
      <span className="balance-value" data-testid="balance">
        {value}
      </span>
      <IconButton
        icon="refresh"
        size="sm"
        aria-label={t('balance.refresh')}
        className={loading ? 'spin' : undefined}
        disabled={loading}
        onClick={() => void attempt(refreshBalance)}
      />
    </div>
  );
}
