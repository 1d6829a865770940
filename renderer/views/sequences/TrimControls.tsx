// A part's in and out points: two numeric fields (seconds) and a trim bar with a handle for each.
// Edits stay local while a handle moves and are saved when it is let go (or a field is committed).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_CLIP_MS } from '../../../shared/domain/sequences';
import { CommitInput } from '../../components/CommitInput';
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

  return (
    <div className="trim">
      <div className="trim-bar">
        <div className="trim-kept" style={{ left: `${left}%`, right: `${right}%` }} aria-hidden="true" />
        <input
          type="range"
          className="trim-handle"
          min={0}
          max={durationMs}
          step={40}
          value={draft.inMs}
          aria-label={t('sequences.trim.inHandle', { part: label })}
          aria-valuetext={formatSeconds(draft.inMs)}
          onChange={(event) =>
            setDraft((now) => ({
              ...now,
              inMs: Math.min(Number(event.target.value), now.outMs - MIN_CLIP_MS),
            }))
          }
          onPointerUp={() => commit(draft)}
          onKeyUp={() => commit(draft)}
        />
        <input
          type="range"
          className="trim-handle"
          min={0}
          max={durationMs}
          step={40}
          value={draft.outMs}
          aria-label={t('sequences.trim.outHandle', { part: label })}
          aria-valuetext={formatSeconds(draft.outMs)}
          onChange={(event) =>
            setDraft((now) => ({
              ...now,
              outMs: Math.max(Number(event.target.value), now.inMs + MIN_CLIP_MS),
            }))
          }
          onPointerUp={() => commit(draft)}
          onKeyUp={() => commit(draft)}
        />
      </div>
      <div className="trim-fields">
        <div className="trim-field">
          <label htmlFor={`${id}-in`}>{t('sequences.trim.in')}</label>
          <CommitInput
            id={`${id}-in`}
            className="input input-compact"
            inputMode="decimal"
            value={toSeconds(inMs)}
            aria-label={t('sequences.trim.inField', { part: label })}
            canCommit={(text) => parseSeconds(text) !== null}
            onCommit={(text) => commit({ inMs: parseSeconds(text) ?? inMs, outMs })}
          />
        </div>
        <div className="trim-field">
          <label htmlFor={`${id}-out`}>{t('sequences.trim.out')}</label>
          <CommitInput
            id={`${id}-out`}
            className="input input-compact"
            inputMode="decimal"
            value={toSeconds(outMs)}
            aria-label={t('sequences.trim.outField', { part: label })}
            canCommit={(text) => parseSeconds(text) !== null}
            onCommit={(text) => commit({ inMs, outMs: parseSeconds(text) ?? outMs })}
          />
        </div>
      </div>
    </div>
  );
}
