// The batch just sent, as a grid: one row per prompt, one column per setting combination (grid
// sweeps), each cell the generation's poster or state as it changes.

import type { GenerationRecord } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import { StatePill } from '../../components/StatePill';
import { useTranslation } from '../../i18n/use-translation';
import { useBatch } from '../../state/batch';
import { BATCH_GRID_MAX, useCompare } from '../../state/compare';
import { PosterImage } from '../library/PosterImage';
import { usePoster } from '../library/use-poster';

function Cell({ record }: { record: GenerationRecord }) {
  // The library's poster (or a frame captured here when it has none yet).
  const poster = usePoster(record);
  return (
    <figure className="batch-cell" data-testid="batch-cell" data-state={record.state}>
      <div className="batch-cell-media">
        <PosterImage src={poster} fallback={<StatePill state={record.state} />} />
      </div>
      <figcaption className="batch-cell-caption" title={record.params.prompt}>
        {record.params.prompt}
      </figcaption>
    </figure>
  );
}

export function BatchResults() {
  const { t } = useTranslation();
  const results = useBatch((state) => state.results);
  const columns = useBatch((state) => state.resultColumns);
  if (results.length === 0) return null;
  const width = Math.max(columns.length, 1);
  const finished = results.filter((record) => record.state === 'done' && record.video);
  const done = results.filter((record) => record.state === 'done').length;
  return (
    <section className="batch-results" aria-labelledby="batch-results-title" data-testid="batch-results">
      <div className="heading-row">
        <h2 id="batch-results-title" className="section-title">
          {t('batch.resultsTitle', { done, count: results.length })}
        </h2>
        {/* Side by side on one transport, as a batch of variations opens from the library. */}
        <Button
          disabled={finished.length < 2}
          onClick={() => useCompare.getState().open(finished, BATCH_GRID_MAX)}
          title={
            finished.length > BATCH_GRID_MAX ? t('batch.compareFirst', { max: BATCH_GRID_MAX }) : undefined
          }
        >
          {t('batch.compareFinished', { count: Math.min(finished.length, BATCH_GRID_MAX) })}
        </Button>
      </div>
      <div className="batch-grid-scroll">
        <div
          className="batch-grid"
          style={{
            gridTemplateColumns: `repeat(${columns.length > 0 ? width : 'auto-fill'}, minmax(150px, 1fr))`,
          }}
        >
          {columns.map((column) => (
            <div
              key={`${column.seed}-${column.resolution}-${column.duration}-${column.aspectRatio}`}
              className="batch-grid-head"
            >
              {t('batch.column', { ...column, seed: column.seed ?? '—' })}
            </div>
          ))}
          {results.map((record) => (
            <Cell key={record.id} record={record} />
          ))}
        </div>
      </div>
    </section>
  );
}
