// The inspector for one generation: the player, what to do with it, curation, and its facts. An
// imported video shows what its file says and nothing it never had (no prompt, settings or remix).
// Beside the viewer it leaves the player out; closing it returns focus to where it was opened from.
import { useEffect, useRef } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { hasRecipe } from '../../../shared/domain/records';
import { Button, IconButton } from '../../components/Button';
import { StatePill } from '../../components/StatePill';
import { useTranslation } from '../../i18n/use-translation';
import { videoUrl } from '../../lib/media';
import { useApp } from '../../state/app';
import { useCompare, useViewer } from '../../state/compare';
import { GenerationError } from '../queue/GenerationError';
import { exportToFolder, moveToTrash, regenerateThumbnail, remix, reuseSeed, reveal } from './actions';
import { NotesField, RatingStars, TagEditor } from './Curation';
import { FavouriteButton, ProjectPicker } from './DetailControls';
import { Parameters, Timing } from './DetailFacts';
import { ContinueButton } from './FrameButtons';
import { ImportedFacts } from './ImportedFacts';
import { LineageSection } from './LineageSection';
import { ReferenceImage } from './ReferenceImage';
import { usePoster } from './use-poster';

export function DetailPanel({
  record,
  onClose,
  inViewer = false,
}: {
  record: GenerationRecord;
  onClose(): void;
  inViewer?: boolean;
}) {
  const { t } = useTranslation();
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const video = videoUrl(mediaBase, record);
  const poster = usePoster(record);
  const panelRef = useRef<HTMLElement>(null);
  // An import that brought its recipe shows its prompt and settings and offers Remix like a generation.
  const imported = !hasRecipe(record);

  // Focus goes back to the card (or button) that opened the panel when it closes.
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    return () => {
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, []);

  // Opening another item moves focus to the panel so keyboard users land on its controls.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus per opened record
  useEffect(() => {
    panelRef.current?.focus({ preventScroll: true });
  }, [record.id]);

  return (
    <aside
      ref={panelRef}
      className="detail"
      aria-label={t('library.details')}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
      data-testid="detail-panel"
    >
      <header className="detail-header">
        {record.origin === 'imported' ? (
          <span className="pill pill-muted" data-testid="imported-badge">
            {t(imported ? 'library.importedBadge' : 'library.importedWithRecipe')}
          </span>
        ) : (
          <StatePill state={record.state} />
        )}
        <RatingStars record={record} />
        <FavouriteButton record={record} />
        <IconButton icon="close" aria-label={t('library.closeDetails')} onClick={onClose} />
      </header>
      <div className="detail-scroll">
        {inViewer ? null : (
          <div className="player" data-ratio={record.params.aspectRatio ?? '16:9'}>
            {video ? (
              // biome-ignore lint/a11y/useMediaCaption: generated clips have no speech to caption
              <video
                key={video}
                src={video}
                poster={poster ?? undefined}
                controls
                playsInline
                preload="metadata"
                data-testid="player"
              />
            ) : (
              <div className="player-empty">{t('library.noVideo')}</div>
            )}
          </div>
        )}
        <div className="detail-actions">
          {imported ? null : (
            <>
              <Button size="sm" tone="primary" icon="remix" onClick={() => remix(record)}>
                {t('library.remix')}
              </Button>
              <Button
                size="sm"
                icon="dice"
                disabled={record.params.seed === undefined}
                onClick={() => reuseSeed(record)}
              >
                {t('library.reuseSeed')}
              </Button>
            </>
          )}
          {video && record.state === 'done' ? <ContinueButton record={record} /> : null}
          {inViewer || !video ? null : (
            <Button size="sm" icon="eye" onClick={() => useViewer.getState().open(record)}>
              {t('viewer.open')}
            </Button>
          )}
          {record.batchId && !inViewer ? (
            <Button
              size="sm"
              icon="grid"
              onClick={() => void useCompare.getState().openBatch(record.batchId ?? '')}
            >
              {t('compare.batch')}
            </Button>
          ) : null}
          <Button size="sm" icon="reveal" disabled={!record.video} onClick={() => void reveal(record)}>
            {t('library.reveal')}
          </Button>
          <Button
            size="sm"
            icon="download"
            disabled={!record.video}
            onClick={() => void exportToFolder([record])}
          >
            {t('library.export')}
          </Button>
          {video ? (
            <Button
              size="sm"
              tone="ghost"
              icon="refresh"
              onClick={() => void regenerateThumbnail(record, video)}
            >
              {t('library.regenerateThumbnail')}
            </Button>
          ) : null}
          <Button size="sm" tone="ghost" icon="trash" onClick={() => void moveToTrash(record)}>
            {t('library.delete')}
          </Button>
        </div>
        <ProjectPicker record={record} />
        {record.state === 'failed' || record.state === 'expired' ? <GenerationError record={record} /> : null}
        {imported ? null : (
          <section className="detail-section">
            <h3>{t('generate.prompt')}</h3>
            <p className="detail-prompt">{record.params.prompt}</p>
            {record.params.negativePrompt ? (
              <>
                <h3>{t('generate.negativePrompt')}</h3>
                <p className="detail-prompt muted">{record.params.negativePrompt}</p>
              </>
            ) : null}
          </section>
        )}
        <LineageSection record={record} />
        <ReferenceImage record={record} />
        <TagEditor record={record} />
        <NotesField record={record} />
        {imported ? (
          <ImportedFacts record={record} />
        ) : (
          <>
            <Parameters record={record} />
            <Timing record={record} />
          </>
        )}
      </div>
    </aside>
  );
}
