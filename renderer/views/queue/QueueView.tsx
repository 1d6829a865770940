// The queue: what is running now (with honest timing), then what finished recently.

import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { useApp } from '../../state/app';
import { useQueue } from '../../state/queue';
import { clearRecent } from '../../state/queue-recent';
import { ActiveList } from './ActiveList';
import { RecentItem } from './RecentItem';
import { StagedBar } from './StagedBar';

export function QueueView() {
  const { t } = useTranslation();
  const loaded = useQueue((state) => state.loaded);
  const active = useQueue((state) => state.active);
  const recent = useQueue((state) => state.recent);
  const network = useApp((state) => state.network);
  const setView = useApp((state) => state.setView);

  if (!loaded) {
    return (
      <div className="view-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('common.loading')}
      </div>
    );
  }

  return (
    <div className="queue view-pad">
      {!network.online ? (
        <div className="notice notice-offline" role="status" data-testid="offline-notice">
          <Icon name="offline" size={18} className="notice-icon" />
          <div className="notice-text">
            <strong>
              {network.waiting > 0
                ? t('queue.offlineWaiting', { count: network.waiting })
                : t('queue.offline')}
            </strong>
            <span>{t('queue.offlineExplain')}</span>
          </div>
        </div>
      ) : null}
      <section aria-labelledby="queue-active-title" className="queue-section">
        <div className="section-head">
          <h2 id="queue-active-title">
            {t('queue.active')} <span className="count">{active.length}</span>
          </h2>
        </div>
        <StagedBar active={active} />
        {active.length === 0 ? (
          <EmptyState
            icon="queue"
            title={t('queue.emptyTitle')}
            action={
              <Button tone="primary" icon="sparkles" onClick={() => setView('generate')}>
                {t('queue.emptyAction')}
              </Button>
            }
          >
            {t('queue.emptyText')}
          </EmptyState>
        ) : (
          <ActiveList active={active} />
        )}
      </section>
      {recent.length > 0 ? (
        <section aria-labelledby="queue-recent-title" className="queue-section">
          <div className="section-head">
            <h2 id="queue-recent-title">
              {t('queue.recent')} <span className="count">{recent.length}</span>
            </h2>
            <Button size="sm" tone="ghost" icon="close" onClick={() => void clearRecent()}>
              {t('queue.clearRecent')}
            </Button>
          </div>
          <ul className="recent-list" data-testid="queue-recent">
            {recent.map((record) => (
              <RecentItem key={record.id} record={record} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
