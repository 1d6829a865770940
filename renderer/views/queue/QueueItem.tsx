// One running generation: state, honest timing (elapsed against what this size usually takes),
// the next status check, download progress, and what the user can do about it now.
import { memo, useCallback, useRef, useState } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { StatePill } from '../../components/StatePill';
import { useTranslation } from '../../i18n/use-translation';
import { useApp } from '../../state/app';
import { expectedKey, useQueue } from '../../state/queue';
import { ReferenceImage } from '../library/ReferenceImage';
import { runIntent } from './actions';
import { GenerationError } from './GenerationError';
import { HeldNotice } from './HeldNotice';
import { ParamChips } from './ParamChips';
import { Timing } from './Timing';

interface QueueItemProps {
  record: GenerationRecord;
  /** In a virtual list (ActiveList): the row's index, its offset, and how its height is reported. */
  index?: number;
  top?: number;
  measure?(element: Element | null): void;
}

// memo: with 200 jobs, an update to one re-renders that one, not the whole list (the props are
// flat values so a virtual row that did not move is not rendered again either).
export const QueueItem = memo(function QueueItem({ record, index, top, measure }: QueueItemProps) {
  const { t } = useTranslation();
  const online = useApp((state) => state.network.online);
  const expectedMs = useQueue((state) => state.expectedMs[expectedKey(record)]);
  const progress = useQueue((state) => state.progress[record.id]);
  const [confirm, setConfirm] = useState<'cancel' | 'resubmit' | null>(null);
  const [busy, setBusy] = useState(false);
  const row = useRef<HTMLLIElement>(null);
  const rowRef = useCallback(
    (element: HTMLLIElement | null) => {
      row.current = element;
      measure?.(element);
    },
    [measure],
  );

  async function run(intent: 'cancel' | 'resubmit' | 'dismiss' | 'checkAgain'): Promise<void> {
    setBusy(true);
    await runIntent(intent, record.id);
    setBusy(false);
    setConfirm(null);
  }

  const waitingForNetwork = !online && (record.state === 'queued' || record.state === 'submitting');
  return (
    <li
      ref={rowRef}
      className="queue-item"
      data-state={record.state}
      data-testid="queue-item"
      data-index={index}
      style={top === undefined ? undefined : { transform: `translateY(${top}px)` }}
    >
      <div className="queue-item-main">
        <div className="queue-item-head">
          <StatePill state={record.state} offline={waitingForNetwork} />
          <ReferenceImage record={record} compact />
          <p className="queue-prompt">{record.params.prompt}</p>
        </div>
        <ParamChips record={record} />
        <Timing record={record} expectedMs={expectedMs} progress={progress} online={online} row={row} />
        {record.state === 'uncertain' ? (
          <p className="queue-explain warning">{t('queue.uncertainExplain')}</p>
        ) : null}
        {record.state === 'stalled' ? (
          <p className="queue-explain warning">{t('queue.stalledExplain')}</p>
        ) : null}
        {record.state === 'held' ? <HeldNotice record={record} /> : null}
        {record.errorKind && record.state !== 'uncertain' && record.state !== 'held' && !waitingForNetwork ? (
          <GenerationError record={record} />
        ) : null}
      </div>
      <div className="queue-actions">
        {record.state === 'uncertain' ? (
          <>
            <Button size="sm" tone="primary" onClick={() => setConfirm('resubmit')} disabled={busy}>
              {t('queue.resubmit')}
            </Button>
            <Button size="sm" onClick={() => void run('dismiss')} disabled={busy}>
              {t('queue.dismiss')}
            </Button>
          </>
        ) : null}
        {record.state === 'stalled' ? (
          <Button size="sm" tone="primary" icon="refresh" onClick={() => void run('checkAgain')} busy={busy}>
            {t('queue.checkAgain')}
          </Button>
        ) : null}
        {record.state !== 'uncertain' ? (
          <Button size="sm" tone="ghost" icon="stop" onClick={() => setConfirm('cancel')} disabled={busy}>
            {t('queue.cancel')}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirm === 'cancel'}
        title={t('queue.cancelTitle')}
        confirmLabel={t('queue.cancelConfirm')}
        cancelLabel={t('queue.cancelKeep')}
        tone="danger"
        busy={busy}
        onConfirm={() => void run('cancel')}
        onClose={() => setConfirm(null)}
      >
        <p>{record.taskId ? t('queue.cancelExplainSent') : t('queue.cancelExplainLocal')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'resubmit'}
        title={t('queue.resubmitTitle')}
        confirmLabel={t('queue.resubmitConfirm')}
        busy={busy}
        onConfirm={() => void run('resubmit')}
        onClose={() => setConfirm(null)}
      >
        <p>{t('queue.uncertainExplain')}</p>
      </ConfirmDialog>
    </li>
  );
});
