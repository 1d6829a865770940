// Opening a sequence's parts for decoding, with errors that name the part: a file that is missing,
// empty, truncated or in a codec this system cannot decode stops the export with that part's
// name before anything is encoded.
import {
  ALL_FORMATS,
  BlobSource,
  Input,
  type InputAudioTrack,
  type InputVideoTrack,
  VideoSampleSink,
} from 'mediabunny';

export interface RenderPart {
  /** How the user knows the part ("Part 2 · harbour at dawn"), for messages. */
  label: string;
  url: string;
  inMs: number;
  outMs: number;
  /** Its first frame repeats the previous part's last (a continuation): leave it out if the trim kept it. */
  skipFirstFrame: boolean;
}

export interface OpenedPart {
  part: RenderPart;
  input: Input;
  video: InputVideoTrack;
  audio: InputAudioTrack | null;
  /** Where the part starts in its clip, after a skipped first frame (seconds). */
  startSec: number;
  endSec: number;
}

/** A part that cannot be used; `label` names it, `reason` is the English cause. */
export class PartError extends Error {
  constructor(
    readonly label: string,
    readonly reason: string,
  ) {
    super(`${label}: ${reason}`);
  }
}

async function fetchBlob(part: RenderPart, signal: AbortSignal): Promise<Blob> {
  // Not from the HTTP cache: the export must read the file as it is on disk now.
  const response = await fetch(part.url, { signal, cache: 'no-store' }).catch((error: unknown) => {
    if (signal.aborted) throw error;
    throw new PartError(part.label, 'its file could not be read');
  });
  if (!response.ok) throw new PartError(part.label, `its file could not be read (HTTP ${response.status})`);
  const blob = await response.blob();
  if (blob.size === 0) throw new PartError(part.label, 'its file is empty (0 bytes)');
  return blob;
}

/**
 * Where a continuation really starts: after its first frame, which repeats the previous shot's
 * last, when the in point is still on that frame. An in point trimmed further already leaves the
 * repeat out, and the frame there is new: it stays.
 */
async function afterRepeatedFrame(video: InputVideoTrack, fromSec: number): Promise<number> {
  // Unknown (an odd file): count the in point as on the first frame, as before this check.
  const firstTimestamp = await video.getFirstTimestamp().catch(() => Number.POSITIVE_INFINITY);
  const sink = new VideoSampleSink(video);
  for await (const sample of sink.samples(fromSec)) {
    const isFirstFrame = sample.timestamp <= firstTimestamp + 1e-6;
    const end = sample.timestamp + sample.duration;
    sample.close();
    return isFirstFrame ? Math.max(fromSec, end) : fromSec;
  }
  return fromSec;
}

export async function openPart(part: RenderPart, signal: AbortSignal): Promise<OpenedPart> {
  const blob = await fetchBlob(part, signal);
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    const video = await input.getPrimaryVideoTrack().catch(() => {
      throw new PartError(part.label, 'its file is not a readable video (damaged, truncated or not an MP4)');
    });
    if (!video) throw new PartError(part.label, 'its file has no video track');
    if (!(await video.canDecode()))
      throw new PartError(part.label, `its video (${video.codec ?? 'unknown codec'}) cannot be decoded here`);
    const audio = await input.getPrimaryAudioTrack().catch(() => null);
    const usableAudio = audio && (await audio.canDecode()) ? audio : null;
    const clipEnd = await video.computeDuration().catch(() => {
      throw new PartError(part.label, 'its file is truncated (the video data ends early)');
    });
    const endSec = Math.min(part.outMs / 1000, clipEnd);
    const inSec = part.inMs / 1000;
    const startSec = part.skipFirstFrame ? await afterRepeatedFrame(video, inSec) : inSec;
    if (endSec - startSec <= 0) throw new PartError(part.label, 'nothing is left of it after the trim');
    return { part, input, video, audio: usableAudio, startSec, endSec };
  } catch (error) {
    input.dispose();
    throw error;
  }
}
