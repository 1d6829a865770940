// A finished generation: open it in the library, or retry one that failed or expired.
import { memo } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import { RelativeTime } from '../../components/RelativeTime';
import { StatePill } from '../../components/StatePill';
import { useTranslation } from '../../i18n/use-translation';
import { PosterImage } from '../library/PosterImage';
import { usePoster } from '../library/use-poster';
import { openInLibrary, runIntent } from './actions';
import { GenerationError } from './GenerationError';

export const RecentItem = memo(function RecentItem({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const poster = usePoster(record);
  const canRetry = record.state === 'failed' || record.state === 'expired';
  return (
    <li className="recent-item" data-state={record.state} data-testid="recent-item">
      <div className="recent-thumb" aria-hidden="true">
        <PosterImage src={poster} fallback={null} />
      </div>
      <div className="recent-main">
        <div className="queue-item-head">
          <StatePill state={record.state} />
          <p className="queue-prompt single">{record.params.prompt}</p>
        </div>
        <RelativeTime className="recent-time" at={record.completedAt ?? record.updatedAt} />
        {record.state === 'failed' || record.state === 'expired' ? <GenerationError record={record} /> : null}
      </div>
      <div className="queue-actions">
        {record.state === 'done' ? (
          <Button size="sm" icon="grid" onClick={() => openInLibrary(record)}>
            {t('queue.openInLibrary')}
          </Button>
        ) : null}
        {canRetry ? (
          <Button size="sm" icon="refresh" onClick={() => void runIntent('retry', record.id)}>
            {t('queue.retry')}
          </Button>
        ) : null}
      </div>
    </li>
  );
});
