// One video in the grid: poster, a muted looping preview after a short hover, favourite star,
// and drag-out (Electron hands the real file to the OS; a browser gets a download URL).
import { type DragEvent, memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, GenerationRecord } from '../../../shared/contract/contract';
import { Icon } from '../../components/Icon';
import { RelativeTime } from '../../components/RelativeTime';
import { StatePill } from '../../components/StatePill';
import { videoUrl } from '../../lib/media';
import { studio } from '../../studio';
import { applyCuration } from './actions';
import { PosterImage } from './PosterImage';
import { usePoster } from './use-poster';

const HOVER_DELAY_MS = 350;
/** Marks drags that start on our own cards, so the library's import drop zone ignores them. */
export const CARD_DRAG_TYPE = 'application/x-wan-studio-generation';

interface CardProps {
  record: GenerationRecord;
  index: number;
  mediaBase: string | undefined;
  host: AppInfo['host'] | undefined;
  selected: boolean;
  onOpen(record: GenerationRecord): void;
}

export const LibraryCard = memo(function LibraryCard({
  record,
  index,
  mediaBase,
  host,
  selected,
  onOpen,
}: CardProps) {
  const { t } = useTranslation();
  const video = videoUrl(mediaBase, record);
  const poster = usePoster(record);
  const [previewing, setPreviewing] = useState(false);
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
  }

  function onDragStart(event: DragEvent<HTMLButtonElement>): void {
    event.dataTransfer.setData(CARD_DRAG_TYPE, record.id);
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
      event.dataTransfer.effectAllowed = 'copy';
    }
  }

  const { params } = record;
  const ratio =
    params.aspectRatio ??
    (record.video?.width && record.video.height && record.video.height > record.video.width
      ? '9:16'
      : '16:9');
  return (
    <div className={selected ? 'card is-selected' : 'card'} data-testid="library-card" data-id={record.id}>
      <button
        type="button"
        className="card-hit"
        data-index={index}
        draggable={Boolean(video)}
        onDragStart={onDragStart}
        onDragEnd={endHover}
        onClick={() => onOpen(record)}
        onMouseEnter={startHover}
        onMouseLeave={endHover}
        onFocus={startHover}
        onBlur={endHover}
        aria-label={t('library.openCard', { prompt: params.prompt.slice(0, 120) })}
      >
        <div className="card-media" data-ratio={ratio}>
          <PosterImage
            src={poster}
            fallback={
              <div className="card-placeholder" aria-hidden="true">
                <Icon name={record.state === 'done' ? 'film' : 'alert'} size={22} />
              </div>
            }
          />
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
          <span className="card-duration">{`${t('generate.seconds', { count: params.duration })} · ${params.resolution}`}</span>
          {record.state !== 'done' ? (
            <span className="card-state">
              <StatePill state={record.state} />
            </span>
          ) : null}
        </div>
        <div className="card-meta">
          <span className="card-prompt">{params.prompt}</span>
          <span className="card-sub">
            <RelativeTime at={record.createdAt} />
            {record.rating > 0 ? <span className="card-rating">{'★'.repeat(record.rating)}</span> : null}
          </span>
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

export function SkeletonCard() {
  return (
    <div className="card card-skeleton" aria-hidden="true">
      <div className="card-media" />
      <div className="card-meta">
        <span className="skeleton-line" />
        <span className="skeleton-line short" />
      </div>
    </div>
  );
}
