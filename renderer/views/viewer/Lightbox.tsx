// The viewer: one video filling the window, ←/→ to the previous and next in the grid, the
// transport (loop, speed, `,`/`.` frame step at the file's own frame rate), "Use this frame" and
// "Continue from last frame", and the detail panel beside it. Escape closes it and
// focus goes back where it was.
import { useEffect, useRef } from 'react';
import { IconButton } from '../../components/Button';
import { useTranslation } from '../../i18n/use-translation';
import { useFrameRate } from '../../lib/frames/use-frame-rate';
import { videoUrl } from '../../lib/media';
import { useApp } from '../../state/app';
import { titleOf } from '../../state/bulk-actions';
import { neighbour, useViewer } from '../../state/compare';
import { useLibrary } from '../../state/library';
import { DetailPanel } from '../library/DetailPanel';
import { UseFrameButton } from '../library/FrameButtons';
import { PlaybackControls, transportKey } from './PlaybackControls';
import { useVideoGroup } from './use-video-group';

export function Lightbox() {
  const record = useViewer((state) => state.record);
  return record ? <LightboxOverlay /> : null;
}

function LightboxOverlay() {
  const { t } = useTranslation();
  const opened = useViewer((state) => state.record);
  // The library's copy is the live one (a favourite set in the panel shows at once).
  const selected = useLibrary((state) => state.selected);
  const record = selected && selected.id === opened?.id ? selected : opened;
  const { open, close } = useViewer.getState();
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const src = record ? videoUrl(mediaBase, record) : null;
  const frameRate = useFrameRate(src);
  const group = useVideoGroup(frameRate);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => returnTo?.focus?.();
  }, []);

  if (!record) return null;
  const go = (delta: number) => {
    const next = neighbour(record, delta);
    if (!next) return;
    open(next);
    useLibrary.getState().select(next);
  };
  return (
    <div
      ref={ref}
      className="overlay lightbox"
      role="dialog"
      aria-modal="true"
      aria-label={t('viewer.title', { title: titleOf(record).slice(0, 80) })}
      tabIndex={-1}
      data-testid="viewer"
      onKeyDown={(event) => {
        const tag = (event.target as HTMLElement).tagName;
        const typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        } else if (!typing && event.key === 'ArrowLeft') go(-1);
        else if (!typing && event.key === 'ArrowRight') go(1);
        else if (transportKey(event, group)) event.preventDefault();
      }}
    >
      <div className="lightbox-stage">
        <header className="overlay-head">
          <h2 className="lightbox-title">{titleOf(record)}</h2>
          <IconButton icon="close" aria-label={t('viewer.close')} onClick={close} />
        </header>
        <div className="lightbox-media">
          <IconButton
            icon="play"
            className="lightbox-nav lightbox-prev"
            aria-label={t('viewer.previous')}
            disabled={!neighbour(record, -1)}
            onClick={() => go(-1)}
          />
          {src ? (
            // biome-ignore lint/a11y/useMediaCaption: generated clips have no speech to caption
            <video
              key={src}
              ref={group.attach(0)}
              src={src}
              autoPlay
              playsInline
              data-testid="viewer-video"
              data-frame-rate={frameRate ?? undefined}
            />
          ) : (
            <div className="player-empty">{t('library.noVideo')}</div>
          )}
          <IconButton
            icon="play"
            className="lightbox-nav lightbox-next"
            aria-label={t('viewer.next')}
            disabled={!neighbour(record, 1)}
            onClick={() => go(1)}
          />
        </div>
        <PlaybackControls group={group} />
        {src && record.state === 'done' ? (
          <div className="lightbox-frame-actions">
            {/* "Continue from last frame" is in the panel beside it. */}
            <UseFrameButton record={record} currentTime={group.currentTime} />
          </div>
        ) : null}
      </div>
      <DetailPanel record={record} onClose={close} inViewer />
    </div>
  );
}
