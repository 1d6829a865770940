// The Trash: every deleted video with Restore and Delete forever, and Empty trash with the space
// it frees. Deleting for good always asks first; restoring never needs to.
import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { titleOf } from '../../state/bulk-actions';
import { useTrash } from '../../state/trash';

type Confirm = { ids: string[]; title: string } | 'all' | null;

export function TrashView() {
  const { t } = useTranslation();
  const { items, usage, error, loading, nextCursor } = useTrash();
  const { load, loadMore, restore, purge, empty } = useTrash.getState();
  const [confirm, setConfirm] = useState<Confirm>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const size = formatBytes(usage?.bytes ?? 0);
  return (
    <div className="trash view-pad">
      <header className="trash-head">
        <p className="trash-usage" data-testid="trash-usage">
          {usage ? t('trash.usage', { count: usage.count, total: formatNumber(usage.count), size }) : ' '}
        </p>
        <Button
          tone="danger"
          icon="trash"
          disabled={!usage || usage.count === 0}
          onClick={() => setConfirm('all')}
        >
          {t('trash.empty')}
        </Button>
      </header>
      {error ? (
        <ErrorNotice error={error} onRetry={() => void load()} />
      ) : usage && usage.count === 0 && items.length === 0 ? (
        <EmptyState icon="trash" title={t('trash.emptyTitle')}>
          {t('trash.emptyText')}
        </EmptyState>
      ) : (
        <ul className="trash-list" aria-label={t('trash.listLabel')}>
          {items.map((record) => {
            const title = titleOf(record);
            return (
              <li key={record.id} className="trash-item" data-testid="trash-item">
                <div className="trash-thumb" aria-hidden="true">
                  <Icon name="film" size={20} />
                </div>
                <div className="trash-text">
                  <span className="trash-title">{title}</span>
                  <span className="muted">
                    {t('trash.deletedAt', { when: formatDateTime(record.deletedAt ?? record.updatedAt) })}
                    {record.video ? ` · ${formatBytes(record.video.bytes)}` : ''}
                  </span>
                </div>
                <Button
                  size="sm"
                  icon="undo"
                  aria-label={t('trash.restoreNamed', { title: title.slice(0, 80) })}
                  onClick={() => void restore([record.id])}
                >
                  {t('trash.restore')}
                </Button>
                <Button
                  size="sm"
                  tone="ghost"
                  icon="close"
                  aria-label={t('trash.deleteNamed', { title: title.slice(0, 80) })}
                  onClick={() => setConfirm({ ids: [record.id], title })}
                >
                  {t('trash.deleteForever')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {nextCursor ? (
        <Button disabled={loading} onClick={() => void loadMore()}>
          {t('trash.loadMore')}
        </Button>
      ) : null}
      <Dialog
        open={confirm !== null}
        tone="danger"
        title={confirm === 'all' ? t('trash.confirmEmptyTitle') : t('trash.confirmDeleteTitle')}
        onClose={() => setConfirm(null)}
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>{t('common.cancel')}</Button>
            <Button
              tone="danger"
              onClick={() => {
                const target = confirm;
                setConfirm(null);
                if (target === 'all') void empty();
                else if (target) void purge(target.ids);
              }}
            >
              {confirm === 'all' ? t('trash.empty') : t('trash.deleteForever')}
            </Button>
          </>
        }
      >
        <p>
          {confirm === 'all'
            ? t('trash.confirmEmptyText', { count: usage?.count ?? 0, size })
            : t('trash.confirmDeleteText', { title: confirm?.title.slice(0, 120) ?? '' })}
        </p>
      </Dialog>
    </div>
  );
}
