// Export: how parts of another shape are fitted (letterbox or crop), then one MP4 rendered here
// with a progress bar and Cancel; the result joins the library with its parts as lineage.

import type { Sequence } from '../../../shared/contract/contract';
import { sequenceDurationMs } from '../../../shared/domain/sequences';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useTranslation } from '../../i18n/use-translation';
import { formatClock } from '../../lib/format';
import { codecNames } from '../../lib/sequence-render/codecs';
import { useApp } from '../../state/app';
import { useLibrary } from '../../state/library';
import { useSequenceExport } from '../../state/sequence-export';

/** Parts whose picture has another shape than the first part's (they are fitted). */
function otherShapes(sequence: Sequence): number[] {
  const ratio = (index: number) => {
    const video = sequence.clips[index]?.record?.video;
    return video?.width && video.height ? video.width / video.height : null;
  };
  const first = ratio(0);
  if (first === null) return [];
  return sequence.clips.flatMap((_, index) => {
    const own = ratio(index);
    return own !== null && Math.abs(own - first) > 0.01 ? [index + 1] : [];
  });
}

export function ExportDialog({
  sequence,
  open,
  onClose,
}: {
  sequence: Sequence;
  open: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { phase, progress, fit, error, result } = useSequenceExport();
  const { start, cancel, setFit, reset } = useSequenceExport.getState();
  const busy = phase === 'rendering' || phase === 'saving';
  const first = sequence.clips[0]?.record?.video;
  const mismatched = otherShapes(sequence);
  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      title={t('sequences.export.title', { name: sequence.name })}
      width="md"
      onClose={close}
      footer={
        busy ? (
          <Button tone="danger" disabled={phase === 'saving'} onClick={cancel}>
            {t('sequences.export.cancel')}
          </Button>
        ) : phase === 'done' && result ? (
          <>
            <Button
              onClick={() => {
                useLibrary.getState().setFilters({ projectId: sequence.projectId ?? undefined });
                useApp.getState().setView('library');
                close();
              }}
            >
              {t('sequences.export.openLibrary')}
            </Button>
            <Button tone="primary" onClick={close}>
              {t('common.close')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button tone="primary" icon="download" onClick={() => void start(sequence)}>
              {phase === 'failed' || phase === 'cancelled'
                ? t('sequences.export.again')
                : t('sequences.export.start')}
            </Button>
          </>
        )
      }
    >
      <div className="export-dialog" data-testid="export-dialog">
        <p>
          {t('sequences.export.summary', {
            count: sequence.clips.length,
            length: formatClock(sequenceDurationMs(sequence.clips)),
          })}
          {first?.width && first.height
            ? ` ${t('sequences.export.size', { width: first.width, height: first.height })}`
            : ''}
        </p>
        <fieldset className="export-fit" disabled={busy}>
          <legend className="field-label">{t('sequences.export.fit')}</legend>
          {(['letterbox', 'crop'] as const).map((option) => (
            <label key={option} className="export-fit-option">
              <input type="radio" name="fit" checked={fit === option} onChange={() => setFit(option)} />
              <span>
                <strong>{t(`sequences.export.fit_${option}`)}</strong>
                <span className="muted"> — {t(`sequences.export.fit_${option}_hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {mismatched.length > 0 ? (
          <p className="export-note" data-testid="export-mismatch">
            {t('sequences.export.mismatch', { parts: mismatched.join(', '), count: mismatched.length })}
          </p>
        ) : null}
        {busy ? (
          <div className="export-progress">
            <progress max={1} value={progress} aria-label={t('sequences.export.progress')} />
            <span aria-live="polite">
              {phase === 'saving'
                ? t('sequences.export.saving')
                : t('sequences.export.rendering', { percent: Math.round(progress * 100) })}
            </span>
          </div>
        ) : null}
        {phase === 'done' && result ? (
          <p className="export-done" role="status" data-testid="export-done">
            {result.existing
              ? t('sequences.export.existing')
              : t('sequences.export.done', { codecs: codecNames(result.codecs) })}
          </p>
        ) : null}
        {phase === 'cancelled' ? (
          <p className="muted" role="status" data-testid="export-cancelled">
            {t('sequences.export.cancelled')}
          </p>
        ) : null}
        {phase === 'failed' && error ? (
          <p className="export-error" role="alert" data-testid="export-error">
            {error}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
