// Posters and hover-scrub strips for videos that lack them (imports, downloads from before strips,
// a download whose poster step failed): frames are decoded here (renderer/lib/frames: WebCodecs, or
// a seeked <video> where it is missing) and main stores the JPEGs. Nothing blank is ever kept. One
// capture at a time, only for cards still on screen, each video at most once per session; what was
// made is shown at once from blob URLs, before main's record update arrives.
import { create } from 'zustand';
import { makeThumbnails } from '../../lib/frames/thumbnails';
import { studio } from '../../studio';

interface LocalThumbnails {
  posters: Record<string, string>;
  strips: Record<string, string>;
}

export const useLocalPosters = create<LocalThumbnails>()(() => ({ posters: {}, strips: {} }));

interface Job {
  videoId: string;
  url: string;
  /** The stored poster is fine: only the strip is missing. */
  poster: boolean;
  wanted: number;
}

/** Videos whose capture finished (saved, or failed twice): never tried again this session. */
const settled = new Set<string>();
const failures = new Map<string, number>();
const queue: Job[] = [];
let current: string | null = null;
let running = false;

/** A card (or the inspector) showing this video wants its thumbnails; several may want the same ones. */
export function requestPoster(videoId: string, url: string, need: { poster: boolean }): void {
  if (settled.has(videoId) || current === videoId) return;
  const queued = queue.find((job) => job.videoId === videoId);
  if (queued) queued.wanted += 1;
  else queue.push({ videoId, url, poster: need.poster, wanted: 1 });
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
    // Each capture waits for an idle moment, so decoding never competes with the first grid's
    // paint or a fling (and a card scrolled past meanwhile has cancelled its job).
    for (await idle(); queue.length > 0; await idle()) {
      const job = queue.shift();
      if (!job) break;
      current = job.videoId;
      try {
        await capture(job.videoId, job.url, job.poster);
        settled.add(job.videoId);
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

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2_000 });
    else setTimeout(resolve, 50);
  });
}

/** Makes and stores the strip (and the poster when asked), showing each at once. */
async function capture(videoId: string, url: string, poster: boolean): Promise<void> {
  const made = await makeThumbnails(url, { poster });
  useLocalPosters.setState((state) => ({
    posters: made.poster ? { ...state.posters, [videoId]: URL.createObjectURL(made.poster) } : state.posters,
    strips: { ...state.strips, [videoId]: URL.createObjectURL(made.strip) },
  }));
  if (made.poster) await studio.library.savePoster({ videoId, jpeg: await bytesOf(made.poster) });
  await studio.library.saveStrip({ videoId, jpeg: await bytesOf(made.strip) });
}

async function bytesOf(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * "Regenerate thumbnail": makes the poster and the strip again (even when stored) and replaces
 * both. Rejects with FrameError('blank') when no frame shows anything, leaving the old ones alone.
 */
export async function regeneratePoster(videoId: string, url: string): Promise<void> {
  await capture(videoId, url, true);
  settled.add(videoId);
}
