// Elapsed against expected, the countdown to the next status check, and download progress.
// Running past the expected time is shown as "taking longer than usual", never as a failure:
// slow is not failed.
import type { RefObject } from 'react';
import type { DownloadProgressEvent, GenerationRecord } from '../../../shared/contract/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { useTranslation } from '../../i18n/use-translation';
import { formatBytes, formatClock } from '../../lib/format';
import { useNowWhileVisible } from '../../lib/use-now';
import { isLate } from './timing-rules';

interface TimingProps {
  record: GenerationRecord;
  expectedMs: number | undefined;
  progress: DownloadProgressEvent | undefined;
  online: boolean;
  /** The row this timing is in: the clock ticks only while it is on screen. */
  row: RefObject<Element | null>;
}

export function Timing({ record, expectedMs, progress, online, row }: TimingProps) {
  const { t } = useTranslation();
  const now = useNowWhileVisible(row);
  const { state } = record;
  const startedAt = record.submittedAt ?? record.createdAt;
  // The shared clock ticks once a second, so it can trail a record that just arrived.
  const elapsed = Math.max(0, now - startedAt);
  const countdown = record.nextCheckAt !== null ? Math.max(0, record.nextCheckAt - now) : null;

  if (state === 'downloading') {
    const fraction = progress?.total ? Math.min(1, progress.bytes / progress.total) : null;
    return (
      <div className="timing">
        <ProgressBar fraction={fraction} label={t('queue.downloadLabel')} />
        <div className="timing-line">
          <span>
            {progress
              ? progress.total
                ? t('queue.downloadedOf', {
                    done: formatBytes(progress.bytes),
                    total: formatBytes(progress.total),
                  })
                : t('queue.downloaded', { done: formatBytes(progress.bytes) })
              : t('queue.downloadStarting')}
          </span>
          {progress && progress.bytesPerSecond > 0 ? (
            <span className="timing-rate">
              {t('queue.rate', { rate: formatBytes(progress.bytesPerSecond) })}
            </span>
          ) : null}
        </div>
      </div>
    );
  }

  if (state === 'pending' || state === 'processing' || state === 'stalled') {
    const fraction = expectedMs ? Math.min(0.97, elapsed / expectedMs) : null;
    const late = expectedMs !== undefined && isLate(elapsed, expectedMs);
    return (
      <div className="timing">
        {state !== 'stalled' ? <ProgressBar fraction={fraction} label={t('queue.generatingLabel')} /> : null}
        <div className="timing-line">
          <span className="timing-clock">
            {expectedMs
              ? t('queue.elapsedOfExpected', {
                  elapsed: formatClock(elapsed),
                  expected: formatClock(expectedMs),
                })
              : t('queue.elapsed', { elapsed: formatClock(elapsed) })}
          </span>
          {late && state !== 'stalled' ? <span className="timing-late">{t('queue.slow')}</span> : null}
          {countdown !== null ? (
            <span className="timing-next">
              {countdown < 1000
                ? t('queue.checkingNow')
                : t('queue.nextCheck', { time: formatClock(countdown) })}
            </span>
          ) : null}
        </div>
      </div>
    );
  }

  if (state === 'queued' || state === 'submitting') {
    return (
      <div className="timing">
        <div className="timing-line">
          <span>
            {!online
              ? t('queue.waitingNetwork')
              : state === 'submitting'
                ? t('queue.sending')
                : t('queue.waiting')}
          </span>
          {countdown !== null && countdown > 0 ? (
            <span className="timing-next">{t('queue.retryIn', { time: formatClock(countdown) })}</span>
          ) : null}
        </div>
      </div>
    );
  }
  return null;
}
