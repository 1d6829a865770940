// A part's in and out points: two numeric fields (seconds) and a trim bar with a handle for each.
// Edits stay local while a handle moves and are saved when it is let go (or a field is committed).
import { useEffect, useId, useState } from 'react';
import { MIN_CLIP_MS } from '../../../shared/domain/sequences';
import { CommitInput } from '../../components/CommitInput';
import { useTranslation } from '../../i18n/use-translation';
import { formatSeconds } from '../../lib/format';

interface TrimProps {
  durationMs: number;
  inMs: number;
  outMs: number;
  label: string;
  onCommit(inMs: number, outMs: number): void;
}

const toSeconds = (ms: number) => (ms / 1000).toFixed(2);
/** "1,5" and "1.5" both mean a second and a half; anything else is not a time. */
function parseSeconds(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
}

export function TrimControls({ durationMs, inMs, outMs, label, onCommit }: TrimProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ inMs, outMs });
  const id = useId();
  useEffect(() => setDraft({ inMs, outMs }), [inMs, outMs]);
  const commit = (next: { inMs: number; outMs: number }) => {
    const clampedIn = Math.max(0, Math.min(next.inMs, durationMs - MIN_CLIP_MS));
    const clampedOut = Math.min(durationMs, Math.max(next.outMs, clampedIn + MIN_CLIP_MS));
    setDraft({ inMs: clampedIn, outMs: clampedOut });
    if (clampedIn !== inMs || clampedOut !== outMs) onCommit(clampedIn, clampedOut);
  };
  const left = (draft.inMs / durationMs) * 100;
  const right = 100 - (draft.outMs / durationMs) * 100;

  const ends = [
    { end: 'inMs', handle: 'inHandle', field: 'inField', name: 'in' },
    { end: 'outMs', handle: 'outHandle', field: 'outField', name: 'out' },
  ] as const;
  /** A handle keeps the part at least MIN_CLIP_MS long whichever end it moves. */
  const move = (end: 'inMs' | 'outMs', value: number) =>
    setDraft((now) =>
      end === 'inMs'
        ? { ...now, inMs: Math.min(value, now.outMs - MIN_CLIP_MS) }
        : { ...now, outMs: Math.max(value, now.inMs + MIN_CLIP_MS) },
    );

  return (
    <div className="trim">
      <div className="trim-bar">
        <div className="trim-kept" style={{ left: `${left}%`, right: `${right}%` }} aria-hidden="true" />
        {ends.map(({ end, handle }) => (
          <input
            key={end}
            type="range"
            className="trim-handle"
            min={0}
            max={durationMs}
            step={40}
            value={draft[end]}
            aria-label={t(`sequences.trim.${handle}`, { part: label })}
            aria-valuetext={formatSeconds(draft[end])}
            onChange={(event) => move(end, Number(event.target.value))}
            onPointerUp={() => commit(draft)}
            onKeyUp={() => commit(draft)}
          />
        ))}
      </div>
      <div className="trim-fields">
        {ends.map(({ end, field, name }) => {
          const saved = end === 'inMs' ? inMs : outMs;
          return (
            <div className="trim-field" key={end}>
              <label htmlFor={`${id}-${name}`}>{t(`sequences.trim.${name}`)}</label>
              <CommitInput
                id={`${id}-${name}`}
                className="input input-compact"
                inputMode="decimal"
                value={toSeconds(saved)}
                aria-label={t(`sequences.trim.${field}`, { part: label })}
                canCommit={(text) => parseSeconds(text) !== null}
                onCommit={(text) => commit({ inMs, outMs, [end]: parseSeconds(text) ?? saved })}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
