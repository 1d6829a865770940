// One video in the grid: poster, a muted looping preview after a short hover, favourite star,
// and drag-out (Electron hands the real file to the OS; a browser gets a download URL).

import type { TFunction } from 'i18next';
import { type DragEvent, memo, useEffect, useRef, useState } from 'react';
import type { AppInfo, GenerationRecord } from '../../../shared/contract/contract';
import { hasRecipe } from '../../../shared/domain/records';
import { Icon } from '../../components/Icon';
import { RelativeTime } from '../../components/RelativeTime';
import { StatePill } from '../../components/StatePill';
import { useTranslation } from '../../i18n/use-translation';
import { formatSeconds } from '../../lib/format';
import { videoUrl } from '../../lib/media';
import { titleOf } from '../../state/bulk-actions';
import { CARD_DRAG_TYPE, startCardDrag } from '../../state/card-drag';
import { useViewer } from '../../state/compare';
import type { ClickModifiers } from '../../state/selection';
import { studio } from '../../studio';
import { applyCuration } from './actions';
import { PosterImage } from './PosterImage';
import { frameUnderPointer, ScrubFrame } from './ScrubFrame';
import { usePoster, useStrip } from './use-poster';

const HOVER_DELAY_MS = 350;

interface CardProps {
  record: GenerationRecord;
  index: number;
  mediaBase: string | undefined;
  host: AppInfo['host'] | undefined;
  /** The open card (its details are showing). */
  selected: boolean;
  /** Part of a multi-selection. */
  picked: boolean;
  onClick(record: GenerationRecord, index: number, mods: ClickModifiers): void;
}

export const LibraryCard = memo(function LibraryCard({
  record,
  index,
  mediaBase,
  host,
  selected,
  picked,
  onClick,
}: CardProps) {
  const { t } = useTranslation();
  const video = videoUrl(mediaBase, record);
  const poster = usePoster(record);
  const strip = useStrip(record);
  const [previewing, setPreviewing] = useState(false);
  // The strip frame under the pointer while it moves across the card (null: not scrubbing).
  const [scrub, setScrub] = useState<number | null>(null);
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (hoverTimer.current) clearTimeout(hoverTimer.current);
    },
    [],
  );

  function startHover(): void {
    if (!video || hoverTimer.current) return;
    hoverTimer.current = setTimeout(() => setPreviewing(true), HOVER_DELAY_MS);
  }
  function endHover(): void {
    if (hoverTimer.current) clearTimeout(hoverTimer.current);
    hoverTimer.current = null;
    setPreviewing(false);
    setScrub(null);
  }

  function onDragStart(event: DragEvent<HTMLButtonElement>): void {
    event.dataTransfer.setData(CARD_DRAG_TYPE, record.id);
    startCardDrag(record);
    if (host === 'electron') {
      // Electron's startDrag gives the OS the real file; the HTML drag must not compete with it.
      event.preventDefault();
      void studio.library.startDrag({ id: record.id });
      return;
    }
    if (video) {
      const absolute = new URL(video, location.href).href;
      const name = record.video?.relPath.split('/').pop() ?? `${record.id}.mp4`;
      event.dataTransfer.setData('DownloadURL', `video/mp4:${name}:${absolute}`);
      event.dataTransfer.setData('text/uri-list', absolute);
      event.dataTransfer.effectAllowed = 'copyMove';
    }
  }

  const { params } = record;
  const ratio =
    params.aspectRatio ??
    (record.video?.width && record.video.height && record.video.height > record.video.width
      ? '9:16'
      : '16:9');
  return (
    <div
      className={['card', selected ? 'is-selected' : '', picked ? 'is-picked' : ''].filter(Boolean).join(' ')}
      data-testid="library-card"
      data-id={record.id}
      data-picked={picked || undefined}
    >
      <button
        type="button"
        className="card-hit"
        data-index={index}
        draggable={Boolean(video)}
        onDragStart={onDragStart}
        onDragEnd={endHover}
        onClick={(event) =>
          onClick(record, index, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey })
        }
        onDoubleClick={() => {
          if (video) useViewer.getState().open(record);
        }}
        // With a strip the pointer scrubs through it; without one, a short hover plays the clip.
        onMouseEnter={strip ? undefined : startHover}
        onMouseMove={strip ? (event) => setScrub(frameUnderPointer(event)) : undefined}
        onMouseLeave={endHover}
        onFocus={startHover}
        onBlur={endHover}
      >
        {picked ? (
          <span className="card-check" aria-hidden="true">
            <Icon name="check" size={14} />
          </span>
        ) : null}
        <div className="card-media" data-ratio={ratio}>
          <PosterImage
            src={poster}
            fallback={
              <div className="card-placeholder" aria-hidden="true">
                <Icon name={record.state === 'done' ? 'film' : 'alert'} size={22} />
              </div>
            }
          />
          {scrub !== null && strip ? (
            <ScrubFrame strip={strip} index={scrub} ratio={frameRatio(record)} />
          ) : null}
          {previewing && video ? (
            <video
              className="card-preview"
              src={video}
              muted
              loop
              autoPlay
              playsInline
              preload="auto"
              onError={() => setPreviewing(false)}
            />
          ) : null}
          <span className="card-duration">{cardBadge(record, t)}</span>
          {record.state !== 'done' ? (
            <span className="card-state">
              <StatePill state={record.state} />
            </span>
          ) : null}
        </div>
        <div className="card-meta">
          <span className="card-prompt">{titleOf(record)}</span>
          <span className="card-sub">
            <RelativeTime at={record.createdAt} />
            {record.rating > 0 ? <span className="card-rating">{'★'.repeat(record.rating)}</span> : null}
          </span>
          {/* The card is named by what it shows (WCAG 2.5.3: the name contains the visible text). */}
          {picked ? <span className="visually-hidden">{t('library.cardPicked')}</span> : null}
        </div>
      </button>
      <button
        type="button"
        className={record.favourite ? 'card-star is-on' : 'card-star'}
        aria-pressed={record.favourite}
        aria-label={record.favourite ? t('library.unfavourite') : t('library.favourite')}
        title={record.favourite ? t('library.unfavourite') : t('library.favourite')}
        onClick={() =>
          void applyCuration(() =>
            studio.library.setFavourite({ id: record.id, favourite: !record.favourite }),
          )
        }
      >
        <Icon name="star" size={15} />
      </button>
    </div>
  );
});

/** The video's own width / height (the strip's frames have it), or the requested ratio's. */
function frameRatio(record: GenerationRecord): number {
  const { video, params } = record;
  if (video?.width && video.height) return video.width / video.height;
  const [w, h] = (params.aspectRatio ?? '16:9').split(':').map(Number);
  return w && h ? w / h : 16 / 9;
}

/** Length and size: the file's own for an import, the requested ones for a generation. */
function cardBadge(record: GenerationRecord, t: TFunction): string {
  const { video, params } = record;
  if (!hasRecipe(record)) {
    const length = video?.durationMs ? formatSeconds(video.durationMs) : '';
    const size = video?.height && video.width ? `${Math.min(video.width, video.height)}p` : '';
    return [length, size].filter(Boolean).join(' · ') || t('library.importedBadge');
  }
  return `${t('generate.seconds', { count: params.duration })} · ${params.resolution}`;
}

/** A slot whose item is not loaded, or any slot during a fling: one node, drawn by CSS. */
export function SkeletonCard() {
  return <div className="card card-skeleton" aria-hidden="true" />;
}
