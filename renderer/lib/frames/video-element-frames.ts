// The fallback frame source where WebCodecs is missing: a hidden, muted <video> seeked to each time
// and drawn on a canvas. Times are where the browser landed, which is the frame it shows there.
import { type DecodedFrame, FrameError, type FrameSource } from './types';

const TIMEOUT_MS = 15_000;
/** Without the file's own rate, frames between two times are sampled this often. */
const ASSUMED_FRAME_RATE = 30;

function once(video: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new FrameError('unreadable', `timed out waiting for ${event}`)),
      TIMEOUT_MS,
    );
    const onEvent = () => finish();
    const onError = () => finish(new FrameError('unreadable', video.error?.message ?? 'video error'));
    function finish(error?: FrameError) {
      clearTimeout(timer);
      video.removeEventListener(event, onEvent);
      video.removeEventListener('error', onError);
      if (error) reject(error);
      else resolve();
    }
    video.addEventListener(event, onEvent);
    video.addEventListener('error', onError);
  });
}

export async function openVideoElementFrames(url: string): Promise<FrameSource> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  // Electron's wan-media: scheme answers CORS for the app origin; without this the canvas is tainted.
  video.crossOrigin = 'anonymous';
  video.playsInline = true;
  const loaded = once(video, 'loadedmetadata');
  video.src = url;
  try {
    await loaded;
  } catch (error) {
    video.removeAttribute('src');
    throw error;
  }
  if (!(video.duration > 0) || !video.videoWidth) {
    video.removeAttribute('src');
    throw new FrameError('empty');
  }

  async function draw(time: number, width?: number): Promise<DecodedFrame> {
    const seeked = once(video, 'seeked');
    video.currentTime = Math.min(Math.max(0, time), video.duration);
    await seeked;
    const scale = width ? width / video.videoWidth : 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
    canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
    canvas
      .getContext('2d', { willReadFrequently: true })
      ?.drawImage(video, 0, 0, canvas.width, canvas.height);
    return { time: video.currentTime, canvas };
  }

  return {
    engine: 'video-element',
    duration: video.duration,
    frameRate: null,
    width: video.videoWidth,
    height: video.videoHeight,
    frameAt: draw,
    async *framesAt(times, width) {
      for (const time of times) yield await draw(time, width);
    },
    async *framesBetween(start, end, width) {
      for (let time = start; time < end; time += 1 / ASSUMED_FRAME_RATE) yield await draw(time, width);
    },
    close() {
      video.removeAttribute('src');
      video.load();
    },
  };
}
