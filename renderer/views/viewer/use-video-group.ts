// One transport for several <video> elements: play/pause, scrub, frame step, speed and loop act on
// all of them, and the others follow the first (the leader) so they stay on the same frame.
import { useCallback, useEffect, useRef, useState } from 'react';

/** Wan clips are 24 fps: the step when the file's own rate is not known (yet). */
export const DEFAULT_FRAME_RATE = 24;
/** Followers more than about a frame away from the leader are put back on its frame. */
const DRIFT_SECONDS = 0.04;

export interface VideoGroup {
  attach(index: number): (element: HTMLVideoElement | null) => void;
  playing: boolean;
  time: number;
  duration: number;
  rate: number;
  loop: boolean;
  toggle(): void;
  seek(seconds: number): void;
  step(frames: number): void;
  setRate(rate: number): void;
  setLoop(loop: boolean): void;
  /** Where the leader is now (read from the element, not the last render). */
  currentTime(): number;
}

/**
 * Where `frames` frames from `at` lands: the middle of that frame, so the player and a decoder
 * asked for the frame at this time agree on which one it is (a frame boundary is ambiguous).
 */
export function frameStepTarget(at: number, frames: number, frameRate: number, duration: number): number {
  const index = Math.floor(at * frameRate + 1e-6) + frames;
  const last = Math.max(0, Math.ceil(duration * frameRate) - 1);
  const clamped = Math.min(Math.max(index, 0), last);
  return Math.min((clamped + 0.5) / frameRate, duration || Number.POSITIVE_INFINITY);
}

/** `frameRate`: the clip's own (read from the file) when known; frame steps use it. */
export function useVideoGroup(frameRate: number | null = null): VideoGroup {
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [rate, setRateState] = useState(1);
  const [loop, setLoopState] = useState(true);

  const all = useCallback(
    () => videos.current.filter((video): video is HTMLVideoElement => video !== null),
    [],
  );

  // Follow the leader every frame while playing; report its time for the scrubber.
  useEffect(() => {
    let handle = 0;
    const tick = () => {
      const [leader, ...followers] = all();
      if (leader) {
        setTime(leader.currentTime);
        if (Number.isFinite(leader.duration)) setDuration(leader.duration);
        for (const video of followers) {
          if (Math.abs(video.currentTime - leader.currentTime) > DRIFT_SECONDS)
            video.currentTime = leader.currentTime;
          if (video.paused !== leader.paused)
            void (leader.paused ? video.pause() : video.play().catch(() => {}));
        }
        setPlaying(!leader.paused);
      }
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [all]);

  const attach = useCallback(
    (index: number) => (element: HTMLVideoElement | null) => {
      videos.current[index] = element;
      if (element) {
        element.playbackRate = rate;
        element.loop = loop;
      }
    },
    [rate, loop],
  );

  return {
    attach,
    playing,
    time,
    duration,
    rate,
    loop,
    toggle() {
      const group = all();
      const play = group[0]?.paused ?? false;
      for (const video of group) void (play ? video.play().catch(() => {}) : video.pause());
    },
    seek(seconds) {
      for (const video of all()) video.currentTime = seconds;
      setTime(seconds);
    },
    step(frames) {
      const group = all();
      const at = group[0]?.currentTime ?? 0;
      const to = frameStepTarget(at, frames, frameRate ?? DEFAULT_FRAME_RATE, group[0]?.duration || at);
      for (const video of group) {
        video.pause();
        video.currentTime = to;
      }
      setTime(to);
    },
    setRate(next) {
      for (const video of all()) video.playbackRate = next;
      setRateState(next);
    },
    setLoop(next) {
      for (const video of all()) video.loop = next;
      setLoopState(next);
    },
    currentTime: () => all()[0]?.currentTime ?? 0,
  };
}
