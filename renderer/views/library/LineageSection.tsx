// Where a video came from and what was made from it, in the detail panel. Each related generation
// opens (selected, and in the viewer when the viewer is open); one deleted for good is named as such.
import { useEffect } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import type { LineageEntry } from '../../../shared/domain/lineage';
import { useTranslation } from '../../i18n/use-translation';
import { formatFrameTime } from '../../lib/format';
import { titleOf } from '../../state/bulk-actions';
import { openRelated, useLineage } from '../../state/lineage';
import { PosterImage } from './PosterImage';
import { usePoster } from './use-poster';

export function LineageSection({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const lineage = useLineage((state) => (state.id === record.id ? state.lineage : null));
  // A new child updates nothing on this record, so its lineage is asked again when it changes at all.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload per record and per update
  useEffect(() => {
    void useLineage.getState().load(record.id);
  }, [record.id, record.updatedAt]);

  const imported = record.origin === 'imported';
  const parents = lineage?.parents ?? [];
  const children = lineage?.children ?? [];
  if (!imported && parents.length === 0 && children.length === 0) return null;
  return (
    <section className="detail-section lineage" data-testid="lineage">
      <h3>{t('lineage.title')}</h3>
      <ul className="lineage-list">
        {imported ? (
          <li className="lineage-entry" data-testid="lineage-imported">
            <span className="lineage-kind">{t('lineage.imported')}</span>
            <span className="lineage-name">{record.sourceName ?? ''}</span>
          </li>
        ) : null}
        {parents.map((entry) => (
          <EntryRow key={`p-${entry.kind}-${entry.generationId}`} entry={entry} direction="parent" />
        ))}
        {children.map((entry) => (
          <EntryRow key={`c-${entry.kind}-${entry.generationId}`} entry={entry} direction="child" />
        ))}
      </ul>
    </section>
  );
}

function EntryRow({ entry, direction }: { entry: LineageEntry; direction: 'parent' | 'child' }) {
  const { t } = useTranslation();
  const at = entry.frameMs === null ? '' : formatFrameTime(entry.frameMs);
  const kind = t(`lineage.${direction}.${entry.kind}`, {
    at,
    position: (entry.position ?? 0) + 1,
  });
  return (
    <li
      className="lineage-entry"
      data-testid="lineage-entry"
      data-direction={direction}
      data-kind={entry.kind}
    >
      <span className="lineage-kind">{kind}</span>
      {entry.record ? (
        <RelatedButton record={entry.record} />
      ) : (
        <span className="lineage-name muted" data-testid="lineage-deleted">
          {t('lineage.deleted')}
        </span>
      )}
    </li>
  );
}

function RelatedButton({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const poster = usePoster(record);
  const title = titleOf(record);
  return (
    <button
      type="button"
      className="lineage-open"
      onClick={() => openRelated(record)}
      aria-label={t('lineage.open', { title: title.slice(0, 80) })}
      data-testid="lineage-open"
      data-id={record.id}
    >
      <span className="lineage-thumb">
        <PosterImage src={poster} fallback={<span className="lineage-thumb-empty" />} />
      </span>
      <span className="lineage-name">{title}</span>
    </button>
  );
}
