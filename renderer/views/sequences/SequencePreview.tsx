// The sequence played as one video: two stacked <video> elements, one showing the current part and
// the other holding the next part, loaded and paused at its in point, so the cut is a swap rather
// than a load. Play/pause and a scrub bar over the whole sequence.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Sequence } from '../../../shared/contract/contract';
import { partAt, previewClipMs, type TimelinePart, timelineOf } from '../../../shared/domain/sequences';
import { IconButton } from '../../components/Button';
import { useTranslation } from '../../i18n/use-translation';
import { formatClock } from '../../lib/format';
import { frameRateOf, knownFrameRate } from '../../lib/frames/frame-rates';
import { videoUrl } from '../../lib/media';
import { useApp } from '../../state/app';

/** Switch a little before the out point: a frame at 25 fps is 40 ms and timing is never exact. */
const CUT_EARLY_MS = 20;

export function SequencePreview({ sequence }: { sequence: Sequence }) {
  const { t } = useTranslation();
  const mediaBase = useApp((state) => state.info?.mediaBaseUrl);
  const parts = useMemo(() => timelineOf(sequence.clips), [sequence.clips]);
  const last = parts.at(-1);
  const totalMs = last ? last.startMs + last.outMs - last.inMs : 0;
  const videos = useRef<(HTMLVideoElement | null)[]>([null, null]);
  const playback = useRef({ front: 0, part: 0, playing: false });
  const [front, setFront] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [positionMs, setPositionMs] = useState(0);

  const urlOf = useCallback(
    (part: TimelinePart) => {
      const record = sequence.clips[part.index]?.record;
      return record ? videoUrl(mediaBase, record) : null;
    },
    [sequence.clips, mediaBase],
  );

  const load = useCallback(
    (element: HTMLVideoElement | null, part: TimelinePart | undefined, localMs: number) => {
      if (!element || !part) return;
      const url = urlOf(part);
      if (!url) return;
      if (element.dataset.src !== url) {
        element.dataset.src = url;
        element.src = url;
      }
      if (part.continuesPrevious) void frameRateOf(url);
      element.currentTime = previewClipMs(part, localMs, knownFrameRate(url)) / 1000;
    },
    [urlOf],
  );

  const seek = useCallback(
    (sequenceMs: number) => {
      const part = partAt(parts, sequenceMs);
      if (!part) return;
      const state = playback.current;
      const partIndex = parts.indexOf(part);
      state.part = partIndex;
      const active = videos.current[state.front] ?? null;
      load(active, part, sequenceMs - part.startMs);
      load(videos.current[1 - state.front] ?? null, parts[partIndex + 1], 0);
      setPositionMs(sequenceMs);
      if (state.playing) void active?.play().catch(() => {});
    },
    [parts, load],
  );

  // A new order or trim: start again from the top.
  useEffect(() => {
    playback.current.playing = false;
    setPlaying(false);
    for (const video of videos.current) video?.pause();
    seek(0);
  }, [seek]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const tick = () => {
      const state = playback.current;
      const part = parts[state.part];
      const active = videos.current[state.front];
      if (part && active) {
        const localMs = active.currentTime * 1000;
        if (localMs >= part.outMs - CUT_EARLY_MS || active.ended) {
          const next = parts[state.part + 1];
          active.pause();
          if (!next) {
            state.playing = false;
            setPlaying(false);
            setPositionMs(totalMs);
            return;
          }
          state.front = 1 - state.front;
          state.part += 1;
          setFront(state.front);
          void videos.current[state.front]?.play().catch(() => {});
          load(active, parts[state.part + 1], 0);
        } else {
          setPositionMs(part.startMs + Math.max(0, localMs - part.inMs));
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, parts, totalMs, load]);

  const toggle = () => {
    const state = playback.current;
    if (state.playing) {
      state.playing = false;
      setPlaying(false);
      videos.current[state.front]?.pause();
      return;
    }
    if (positionMs >= totalMs - CUT_EARLY_MS) seek(0);
    state.playing = true;
    setPlaying(true);
    void videos.current[state.front]?.play().catch(() => {});
  };

  if (parts.length === 0) {
    return <div className="sequence-preview sequence-preview-empty muted">{t('sequences.previewEmpty')}</div>;
  }
  return (
    <div className="sequence-preview" data-testid="sequence-preview">
      <div className="sequence-screen">
        {[0, 1].map((index) => (
          // biome-ignore lint/a11y/useMediaCaption: generated clips have no speech to caption
          <video
            key={index}
            ref={(element) => {
              videos.current[index] = element;
            }}
            className={index === front ? 'is-front' : undefined}
            preload="auto"
            playsInline
            aria-hidden={index !== front}
          />
        ))}
      </div>
      <div className="sequence-transport">
        <IconButton
          icon={playing ? 'pause' : 'play'}
          aria-label={playing ? t('sequences.pause') : t('sequences.play')}
          onClick={toggle}
        />
        <input
          type="range"
          className="sequence-scrub"
          min={0}
          max={totalMs}
          step={40}
          value={Math.min(positionMs, totalMs)}
          aria-label={t('sequences.scrub')}
          aria-valuetext={formatClock(positionMs)}
          onChange={(event) => seek(Number(event.target.value))}
        />
        <span className="sequence-time" data-testid="sequence-time">
          {formatClock(positionMs)} / {formatClock(totalMs)}
        </span>
      </div>
    </div>
  );
}
