// One part of a sequence: its poster, title and trimmed length, its place (drag it, Alt+←/→, or the
// arrow buttons), its trim, and Remove. A part that cannot play says why instead of a trim.
import type { KeyboardEvent } from 'react';
import type { SequenceClip } from '../../../shared/domain/sequences';
import {
  clipProblem,
  effectiveOutMs,
  partLengthMs,
  sourceDurationMs,
} from '../../../shared/domain/sequences';
import { Button, IconButton } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { formatSeconds } from '../../lib/format';
import { posterUrl } from '../../lib/media';
import { useApp } from '../../state/app';
import { titleOf } from '../../state/bulk-actions';
import { PosterImage } from '../library/PosterImage';
import { TrimControls } from './TrimControls';

interface ClipCardProps {
  clip: SequenceClip;
  index: number;
  count: number;
  onMove(from: number, to: number): void;
  onTrim(index: number, inMs: number, outMs: number | null): void;
  onRemove(index: number): void;
}

const DRAG_TYPE = 'application/x-wan-sequence-clip';

export function ClipCard({ clip, index, count, onMove, onTrim, onRemove }: ClipCardProps) {
  const { t } = useTranslation();
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const problem = clipProblem(clip);
  const duration = sourceDurationMs(clip);
  const title = clip.record ? titleOf(clip.record) : t('sequences.deletedClip');
  const label = t('sequences.partName', { n: index + 1 });
  const poster = clip.record ? posterUrl(mediaBase, clip.record) : null;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!event.altKey) return;
    const delta = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    onMove(index, index + delta);
  };

  return (
    <li
      className={`clip-card${problem ? ' clip-card-problem' : ''}`}
      data-testid="sequence-clip"
      data-clip-index={index}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, String(index));
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
      }}
      onDrop={(event) => {
        const from = Number(event.dataTransfer.getData(DRAG_TYPE));
        if (Number.isInteger(from)) onMove(from, index);
      }}
    >
      <div className="clip-poster">
        <PosterImage src={poster} fallback={<Icon name="film" size={20} />} />
        {/* The card's handle: focus it and Alt+←/→ moves the clip (the arrow buttons do the same). */}
        <button
          type="button"
          className="clip-number clip-grip"
          aria-label={t('sequences.clipLabel', { part: label, title })}
          aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight"
          onKeyDown={onKeyDown}
        >
          {index + 1}
        </button>
        {clip.continuesPrevious ? (
          <span className="clip-continues" title={t('sequences.continuesHint')}>
            {t('sequences.continues')}
          </span>
        ) : null}
      </div>
      <div className="clip-body">
        <span className="clip-title" title={title}>
          {title}
        </span>
        <span className="muted clip-length" data-testid="clip-length">
          {problem
            ? t(`sequences.problem.${problem}`)
            : t('sequences.partLength', { length: formatSeconds(partLengthMs(clip)) })}
        </span>
        {duration !== null && !problem ? (
          <TrimControls
            durationMs={duration}
            inMs={clip.inMs}
            outMs={effectiveOutMs(clip) ?? duration}
            label={label}
            onCommit={(inMs, outMs) => onTrim(index, inMs, outMs === duration ? null : outMs)}
          />
        ) : null}
        <div className="clip-actions">
          <Button
            size="sm"
            tone="ghost"
            disabled={index === 0}
            aria-label={t('sequences.moveEarlier', { part: label })}
            onClick={() => onMove(index, index - 1)}
          >
            ←
          </Button>
          <Button
            size="sm"
            tone="ghost"
            disabled={index === count - 1}
            aria-label={t('sequences.moveLater', { part: label })}
            onClick={() => onMove(index, index + 1)}
          >
            →
          </Button>
          <IconButton
            icon="close"
            size="sm"
            aria-label={t('sequences.removeClip', { part: label })}
            onClick={() => onRemove(index)}
          />
        </div>
      </div>
    </li>
  );
}
