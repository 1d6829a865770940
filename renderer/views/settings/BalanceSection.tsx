// The APIXO balance with a manual refresh; in demo mode it is the simulator's pretend balance.

import { Button } from '../../components/Button';
import { useRelativeTime } from '../../components/RelativeTime';
import { useTranslation } from '../../i18n/use-translation';
import { formatUsd } from '../../lib/format';
import { attempt } from '../../lib/notify';
import { useApp } from '../../state/app';
import { demoBalanceRanOut, refreshBalance, resetDemoBalance } from '../../state/balance';

export function BalanceSection() {
  const { t } = useTranslation();
  const balance = useApp((state) => state.balance);
  const loading = useApp((state) => state.balanceLoading);
  const fetched = useRelativeTime(balance?.fetchedAt ?? null);
  return (
    <div className="balance-row">
      <div>
        <span className="field-label">{t('settings.balance.title')}</span>
        <div className="balance-big" data-testid="settings-balance">
          {balance?.usd !== null && balance?.usd !== undefined ? formatUsd(balance.usd) : '—'}
          {balance?.demo ? <span className="pill pill-neutral">{t('balance.demo')}</span> : null}
        </div>
        {balance?.demo ? (
          <p className="hint" data-testid="demo-balance-note">
            {t('settings.balance.demoNote')}
          </p>
        ) : null}
        <span className="hint">
          {balance?.error
            ? balance.error
            : fetched
              ? t('settings.balance.fetched', { when: fetched })
              : t('settings.balance.never')}
        </span>
      </div>
      <div className="balance-actions">
        {balance?.demo ? (
          <Button
            tone={demoBalanceRanOut(balance) ? 'primary' : 'secondary'}
            onClick={() => void attempt(resetDemoBalance)}
          >
            {t('balance.resetDemo')}
          </Button>
        ) : null}
        <Button icon="refresh" busy={loading} onClick={() => void attempt(refreshBalance)}>
          {t('settings.balance.refresh')}
        </Button>
      </div>
    </div>
  );
}
