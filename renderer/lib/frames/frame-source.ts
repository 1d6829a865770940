// Exact frames of a library video, in the page. WebCodecs through mediabunny decodes the very frame
// at a timestamp (the one the viewer shows), reads the frame rate from the file, and reads only the
// byte ranges it needs over HTTP. Where WebCodecs is missing (or cannot decode the codec) a hidden
// <video> is seeked instead: the same pictures, with times as close as the browser seeks.
import type { CanvasSink } from 'mediabunny';
import { FrameError, type FrameSource } from './types';
import { openVideoElementFrames } from './video-element-frames';

export function hasWebCodecs(): boolean {
  return typeof VideoDecoder !== 'undefined' && typeof VideoFrame !== 'undefined';
}

/** Opens `url` with WebCodecs when this browser can decode it, else with a <video>. */
export async function openFrames(url: string): Promise<FrameSource> {
  if (hasWebCodecs()) {
    const source = await openWebCodecsFrames(url);
    if (source) return source;
  }
  return openVideoElementFrames(url);
}

// mediabunny (~400 KB) loads with the first frame asked for, not with the Library's code: the grid
// paints without it, and most sessions never decode a frame here.
const loadMediabunny = () => import('mediabunny');

/** null: the file is fine but this browser's WebCodecs cannot decode its codec (use the fallback). */
async function openWebCodecsFrames(url: string): Promise<FrameSource | null> {
  const { ALL_FORMATS, CanvasSink, Input, UrlSource } = await loadMediabunny();
  const input = new Input({ source: new UrlSource(url), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack().catch((error: unknown) => {
      throw new FrameError('unreadable', String(error));
    });
    if (!track) throw new FrameError('unreadable', 'no video track');
    if (!(await track.canDecode())) {
      input.dispose();
      return null;
    }
    const duration = await track.computeDuration();
    const stats = await track.computePacketStats(120);
    if (!(duration > 0) || stats.packetCount === 0) throw new FrameError('empty');
    const sinks = new Map<number, CanvasSink>();
    const sinkFor = (width?: number) => {
      const key = width ?? 0;
      let sink = sinks.get(key);
      if (!sink) {
        sink = new CanvasSink(track, width ? { width } : {});
        sinks.set(key, sink);
      }
      return sink;
    };
    return {
      engine: 'webcodecs',
      duration,
      frameRate: stats.averagePacketRate > 0 ? stats.averagePacketRate : null,
      width: track.displayWidth,
      height: track.displayHeight,
      async frameAt(time, width) {
        const first = await track.getFirstTimestamp();
        const wrapped = await sinkFor(width)
          .getCanvas(Math.max(time, first))
          .catch((error: unknown) => {
            throw new FrameError('unreadable', String(error));
          });
        if (!wrapped) throw new FrameError('empty', `no frame at ${time}`);
        return { time: wrapped.timestamp, canvas: wrapped.canvas };
      },
      async *framesAt(times, width) {
        // A time before the first frame means the first frame, so there is one answer per time.
        const first = await track.getFirstTimestamp();
        const clamped = times.map((time) => Math.max(time, first));
        for await (const wrapped of sinkFor(width).canvasesAtTimestamps(clamped)) {
          if (!wrapped) throw new FrameError('unreadable', 'a frame could not be decoded');
          yield { time: wrapped.timestamp, canvas: wrapped.canvas };
        }
      },
      async *framesBetween(start, end, width) {
        for await (const wrapped of sinkFor(width).canvases(start, end)) {
          yield { time: wrapped.timestamp, canvas: wrapped.canvas };
        }
      },
      close: () => input.dispose(),
    };
  } catch (error) {
    input.dispose();
    if (error instanceof FrameError) throw error;
    // mediabunny says "unsupported or unrecognizable format" for a zero-length or non-media file.
    throw new FrameError('unreadable', String(error));
  }
}

/**
 * The clip's frame rate from its container (no decoding, so no WebCodecs needed): packets per
 * second over the first ones. null when the file cannot be read.
 */
export async function probeFrameRate(url: string): Promise<number | null> {
  const { ALL_FORMATS, Input, UrlSource } = await loadMediabunny();
  const input = new Input({ source: new UrlSource(url), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    const stats = track ? await track.computePacketStats(60) : null;
    return stats && stats.averagePacketRate > 0 ? stats.averagePacketRate : null;
  } catch {
    return null;
  } finally {
    input.dispose();
  }
}
