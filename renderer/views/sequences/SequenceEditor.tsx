// The open sequence: its name, total length and actions, the continuous preview, and the row of
// clip cards in playing order.
import { useState } from 'react';
import type { Sequence } from '../../../shared/contract/contract';
import { sequenceDurationMs } from '../../../shared/domain/sequences';
import { Button } from '../../components/Button';
import { CommitInput } from '../../components/CommitInput';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { useTranslation } from '../../i18n/use-translation';
import { formatClock } from '../../lib/format';
import { canContinueLastShot, continueLastShot, useSequences } from '../../state/sequences';
import { ClipCard } from './ClipCard';
import { ClipPicker } from './ClipPicker';
import { ExportDialog } from './ExportDialog';
import { SequencePreview } from './SequencePreview';

/** After a move the card is re-rendered at its new place: keep the keyboard on it. */
function focusClip(index: number): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[data-clip-index="${index}"] .clip-grip`)?.focus();
  });
}

export function SequenceEditor({ sequence }: { sequence: Sequence }) {
  const { t } = useTranslation();
  const actions = useSequences.getState();
  const [picking, setPicking] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const total = sequenceDurationMs(sequence.clips);
  const move = (from: number, to: number) => {
    const target = Math.max(0, Math.min(sequence.clips.length - 1, to));
    if (target === from) return;
    void actions.move(from, target);
    focusClip(target);
  };

  return (
    <div className="sequence-editor" data-testid="sequence-editor">
      <header className="sequence-head">
        <CommitInput
          className="input sequence-name"
          value={sequence.name}
          maxLength={100}
          aria-label={t('sequences.name')}
          canCommit={(draft) => draft.trim().length > 0}
          onCommit={(name) => void actions.rename(name)}
        />
        <span className="sequence-total" data-testid="sequence-total">
          {t('sequences.total', { length: formatClock(total), count: sequence.clips.length })}
        </span>
        <div className="sequence-actions">
          <Button icon="plus" onClick={() => setPicking(true)}>
            {t('sequences.addClips')}
          </Button>
          <Button
            icon="film"
            disabled={sequence.clips.length === 0 || !canContinueLastShot()}
            title={canContinueLastShot() ? t('sequences.continueHint') : t('sequences.continueUnavailable')}
            onClick={() => void continueLastShot(sequence)}
          >
            {t('sequences.continueLast')}
          </Button>
          <Button
            tone="primary"
            icon="download"
            disabled={sequence.clips.length === 0}
            onClick={() => setExporting(true)}
          >
            {t('sequences.export.open')}
          </Button>
          <Button
            tone="ghost"
            icon="trash"
            aria-label={t('sequences.delete')}
            onClick={() => setConfirmDelete(true)}
          />
        </div>
      </header>
      <SequencePreview sequence={sequence} />
      {sequence.clips.length === 0 ? (
        <EmptyState icon="film" title={t('sequences.noClipsTitle')}>
          {t('sequences.noClipsText')}
        </EmptyState>
      ) : (
        <>
          <p className="muted sequence-help">{t('sequences.reorderHelp')}</p>
          <ol className="clip-row" aria-label={t('sequences.clipsLabel')}>
            {sequence.clips.map((clip, index) => (
              <ClipCard
                // Position and id: the same clip may appear twice.
                key={`${clip.position}-${clip.generationId}`}
                clip={clip}
                index={index}
                count={sequence.clips.length}
                onMove={move}
                onTrim={(at, inMs, outMs) => void actions.setTrim(at, inMs, outMs)}
                onRemove={(at) => void actions.removeClip(at)}
              />
            ))}
          </ol>
        </>
      )}
      <ClipPicker
        open={picking}
        projectId={sequence.projectId}
        onClose={() => setPicking(false)}
        onAdd={(ids) => void actions.append(ids)}
      />
      <ExportDialog sequence={sequence} open={exporting} onClose={() => setExporting(false)} />
      <Dialog
        open={confirmDelete}
        tone="danger"
        title={t('sequences.deleteTitle', { name: sequence.name })}
        onClose={() => setConfirmDelete(false)}
        footer={
          <>
            <Button onClick={() => setConfirmDelete(false)}>{t('common.cancel')}</Button>
            <Button
              tone="danger"
              onClick={() => {
                setConfirmDelete(false);
                void actions.remove(sequence.id);
              }}
            >
              {t('sequences.delete')}
            </Button>
          </>
        }
      >
        <p>{t('sequences.deleteText')}</p>
      </Dialog>
    </div>
  );
}
