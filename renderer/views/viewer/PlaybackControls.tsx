// The transport under the viewer and Compare: play/pause, one scrubber, frame step, speed, loop.

import { Button, IconButton } from '../../components/Button';
import { useTranslation } from '../../i18n/use-translation';
import { formatClock } from '../../lib/format';
import type { VideoGroup } from './use-video-group';

export const SPEEDS = [0.25, 0.5, 1, 1.5, 2] as const;

export function PlaybackControls({ group }: { group: VideoGroup }) {
  const { t } = useTranslation();
  return (
    <fieldset className="transport">
      <legend className="visually-hidden">{t('viewer.transport')}</legend>
      <IconButton
        icon={group.playing ? 'pause' : 'play'}
        aria-label={group.playing ? t('viewer.pause') : t('viewer.play')}
        onClick={group.toggle}
      />
      <Button
        size="sm"
        tone="ghost"
        aria-label={t('viewer.frameBack')}
        title=","
        onClick={() => group.step(-1)}
      >
        ‹
      </Button>
      <Button
        size="sm"
        tone="ghost"
        aria-label={t('viewer.frameForward')}
        title="."
        onClick={() => group.step(1)}
      >
        ›
      </Button>
      <input
        className="transport-scrub"
        type="range"
        min={0}
        max={group.duration || 0}
        step={0.01}
        value={Math.min(group.time, group.duration || 0)}
        aria-label={t('viewer.position')}
        aria-valuetext={`${formatClock(group.time * 1000)} / ${formatClock(group.duration * 1000)}`}
        onChange={(event) => group.seek(Number(event.target.value))}
      />
      <span className="transport-time" aria-hidden="true">
        {formatClock(group.time * 1000)} / {formatClock(group.duration * 1000)}
      </span>
      <label className="transport-field">
        <span className="visually-hidden">{t('viewer.speed')}</span>
        <select
          className="select select-compact"
          value={group.rate}
          onChange={(event) => group.setRate(Number(event.target.value))}
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>{`${speed}×`}</option>
          ))}
        </select>
      </label>
      <label className="transport-field transport-loop">
        <input
          type="checkbox"
          checked={group.loop}
          onChange={(event) => group.setLoop(event.target.checked)}
        />
        {t('viewer.loop')}
      </label>
    </fieldset>
  );
}

/** Space, `,` and `.` for the transport; true when the key was one of them. */
export function transportKey(event: { key: string; target: EventTarget | null }, group: VideoGroup): boolean {
  const tag = (event.target as HTMLElement | null)?.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return false;
  if (event.key === ',') group.step(-1);
  else if (event.key === '.') group.step(1);
  else if (event.key === ' ' && tag !== 'BUTTON') group.toggle();
  else return false;
  return true;
}
