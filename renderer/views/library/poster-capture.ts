// Poster frames for videos that have none (imports, or a download whose poster step failed): the
// browser already decodes MP4, so we seek a hidden <video>, draw it on a canvas and hand main the
// JPEG. A blank frame (black, or one flat colour) is never kept: later positions are tried, and
// when every one is blank there is no poster rather than a black one. One capture at a time, only for cards still on screen, each video at most once
// per session. The captured frame is shown at once from a blob URL, before main's record update
// arrives.
import { create } from 'zustand';
import { isBlankFrame, POSTER_POSITIONS } from '../../lib/blank-frame';
import { studio } from '../../studio';

const MAX_WIDTH = 640;
const TIMEOUT_MS = 15_000;

interface PosterState {
  local: Record<string, string>;
}

export const useLocalPosters = create<PosterState>()(() => ({ local: {} }));

/** Videos whose capture finished (saved, or failed twice): never tried again this session. */
const settled = new Set<string>();
const failures = new Map<string, number>();
const queue: { videoId: string; url: string; wanted: number }[] = [];
let current: string | null = null;
let running = false;

/** A card (or the inspector) showing this video wants a poster; several may want the same one. */
export function requestPoster(videoId: string, url: string): void {
  if (settled.has(videoId) || current === videoId) return;
  const queued = queue.find((job) => job.videoId === videoId);
  if (queued) queued.wanted += 1;
  else queue.push({ videoId, url, wanted: 1 });
  void drain();
}

/** Its card scrolled away before its turn: once nobody wants it, drop it (it asks again if it comes back). */
export function cancelPoster(videoId: string): void {
  const index = queue.findIndex((job) => job.videoId === videoId);
  const job = queue[index];
  if (!job) return;
  job.wanted -= 1;
  if (job.wanted <= 0) queue.splice(index, 1);
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    // First come, first served: cards mount top to bottom, so posters fill in reading order.
    for (let job = queue.shift(); job; job = queue.shift()) {
      current = job.videoId;
      try {
        const blob = await captureFrame(job.url);
        const jpeg = new Uint8Array(await blob.arrayBuffer());
        const videoId = job.videoId;
        useLocalPosters.setState((state) => ({
          local: { ...state.local, [videoId]: URL.createObjectURL(blob) },
        }));
        settled.add(videoId);
        await studio.library.savePoster({ videoId, jpeg });
      } catch {
        // A missing or unreadable file keeps its placeholder; one more try later, then we let it be.
        const count = (failures.get(job.videoId) ?? 0) + 1;
        failures.set(job.videoId, count);
        if (count >= 2) settled.add(job.videoId);
      }
    }
  } finally {
    current = null;
    running = false;
  }
}

/** Every frame tried was blank: the video keeps its placeholder. */
export class BlankVideoError extends Error {
  constructor() {
    super('every frame tried is blank');
  }
}

/**
 * "Regenerate thumbnail": captures again (even when a poster is stored) and replaces it. Rejects
 * with BlankVideoError when no frame shows anything, leaving the old poster alone.
 */
export async function regeneratePoster(videoId: string, url: string): Promise<void> {
  const blob = await captureFrame(url);
  await studio.library.savePoster({ videoId, jpeg: new Uint8Array(await blob.arrayBuffer()) });
  settled.add(videoId);
  useLocalPosters.setState((state) => ({ local: { ...state.local, [videoId]: URL.createObjectURL(blob) } }));
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
  // In Electron the wan-media: scheme answers CORS for the app origin; without this the canvas is
  // tainted and toBlob throws. Same-origin in the browser host, where it changes nothing.
  video.crossOrigin = 'anonymous';
  video.playsInline = true;
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS));
  try {
    const loaded = once(video, 'loadedmetadata');
    video.src = url;
    await Promise.race([loaded, timer]);
    const scale = Math.min(1, MAX_WIDTH / (video.videoWidth || MAX_WIDTH));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round((video.videoWidth || 320) * scale));
    canvas.height = Math.max(1, Math.round((video.videoHeight || 180) * scale));
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    let found = false;
    for (const position of POSTER_POSITIONS) {
      const seeked = once(video, 'seeked');
      video.currentTime = (video.duration || 2) * position;
      await Promise.race([seeked, timer]);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      if (!isBlankFrame(context.getImageData(0, 0, canvas.width, canvas.height).data)) {
        found = true;
        break;
      }
    }
    if (!found) throw new BlankVideoError();
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
