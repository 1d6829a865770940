// Poster frames for videos that have none (imports, or a download whose poster step failed): the
// browser already decodes MP4, so we seek a hidden <video> to ~1 s, draw it on a canvas and hand
// main the JPEG. One capture at a time, newest request first (what is on screen now), each video
// at most once per session. The captured frame is shown at once from a blob URL, before main's
// record update arrives.
import { create } from 'zustand';
import { studio } from '../../studio';

const MAX_WIDTH = 640;
const TIMEOUT_MS = 15_000;
const MAX_QUEUED = 24;

interface PosterState {
  local: Record<string, string>;
}

export const useLocalPosters = create<PosterState>()(() => ({ local: {} }));

const attempted = new Set<string>();
const queue: { videoId: string; url: string }[] = [];
let running = false;

export function requestPoster(videoId: string, url: string): void {
  if (attempted.has(videoId)) return;
  attempted.add(videoId);
  queue.push({ videoId, url });
  // Old requests are for cards that scrolled away; let them go (they can ask again next session).
  while (queue.length > MAX_QUEUED) {
    const dropped = queue.shift();
    if (dropped) attempted.delete(dropped.videoId);
  }
  void drain();
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let job = queue.pop(); job; job = queue.pop()) {
      try {
        const blob = await captureFrame(job.url);
        const jpeg = new Uint8Array(await blob.arrayBuffer());
        useLocalPosters.setState((state) => ({
          local: { ...state.local, [job.videoId]: URL.createObjectURL(blob) },
        }));
        await studio.library.savePoster({ videoId: job.videoId, jpeg });
      } catch {
        // An unreadable or missing file keeps its placeholder; the card still plays if it can.
      }
    }
  } finally {
    running = false;
  }
}

function once(target: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      target.removeEventListener(event, onEvent);
      target.removeEventListener('error', onError);
    };
    const onEvent = () => {
      cleanup();
      resolve();
    };
    const onError = () => {
      cleanup();
      reject(new Error('video error'));
    };
    target.addEventListener(event, onEvent);
    target.addEventListener('error', onError);
  });
}

async function captureFrame(url: string): Promise<Blob> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS));
  try {
    const loaded = once(video, 'loadedmetadata');
    video.src = url;
    await Promise.race([loaded, timer]);
    const seeked = once(video, 'seeked');
    video.currentTime = Math.min(1, (video.duration || 2) / 2);
    await Promise.race([seeked, timer]);
    const scale = Math.min(1, MAX_WIDTH / (video.videoWidth || MAX_WIDTH));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round((video.videoWidth || 320) * scale));
    canvas.height = Math.max(1, Math.round((video.videoHeight || 180) * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))),
        'image/jpeg',
        0.82,
      ),
    );
  } finally {
    video.removeAttribute('src');
    video.load();
  }
}
