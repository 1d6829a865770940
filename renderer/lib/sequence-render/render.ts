// Renders a sequence into one MP4 in this page with WebCodecs (mediabunny): each part's trimmed
// range is decoded, drawn onto one canvas the size of the first part (letterboxed or cropped when
// a part has another shape) and encoded, with the parts' sound laid end to end. The MP4 goes to a
// scratch file in the page's private storage (output-file.ts; memory where there is none): a cancel
// or an error removes it, and the caller releases it once it has sent the finished file.
import {
  AudioBufferSource,
  CanvasSource,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  QUALITY_MEDIUM,
  VideoSampleSink,
} from 'mediabunny';
import type { SequenceFit } from '../../../shared/domain/sequences';
import { mixAudio, OUTPUT_CHANNELS, OUTPUT_SAMPLE_RATE } from './audio-mix';
import { chooseCodecs, type ExportCodecs } from './codecs';
import { type OutputFile, openOutputFile } from './output-file';
import { type OpenedPart, openPart, PartError, type RenderPart } from './parts';

export type { ExportCodecs, RenderPart };
export { PartError };

export interface RenderOptions {
  fit: SequenceFit;
  signal: AbortSignal;
  /** 0…1, as the video is encoded. */
  onProgress(fraction: number): void;
}

export interface RenderResult {
  /** The MP4 (disk-backed when it was written to a scratch file). */
  file: Blob;
  /** Removes the scratch file: call once the file has been sent (or is no longer wanted). */
  release(): Promise<void>;
  width: number;
  height: number;
  durationSec: number;
  codecs: ExportCodecs;
}

/** Encoders want even sizes (4:2:0 chroma). */
const even = (value: number) => Math.max(2, Math.round(value / 2) * 2);

export class NoEncoderError extends Error {}

/** Frames may end a little before the trim's out point (the last frame's length); more is a gap. */
const MISSING_TOLERANCE_SEC = 0.1;

async function encodeVideo(
  parts: readonly OpenedPart[],
  offsets: readonly number[],
  totalSec: number,
  source: CanvasSource,
  canvas: OffscreenCanvas,
  options: RenderOptions,
): Promise<void> {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas to draw frames on.');
  const fit = options.fit === 'crop' ? 'cover' : 'contain';
  for (const [index, opened] of parts.entries()) {
    const offset = offsets[index] ?? 0;
    const sink = new VideoSampleSink(opened.video);
    let reached = opened.startSec;
    try {
      for await (const sample of sink.samples(opened.startSec, opened.endSec)) {
        const from = Math.max(sample.timestamp, opened.startSec);
        const to = Math.min(sample.timestamp + sample.duration, opened.endSec);
        reached = Math.max(reached, to);
        try {
          options.signal.throwIfAborted();
          if (to <= from) continue;
          context.fillStyle = '#000';
          context.fillRect(0, 0, canvas.width, canvas.height);
          sample.drawWithFit(context, { fit });
        } finally {
          sample.close();
        }
        await source.add(offset + from - opened.startSec, to - from);
        options.onProgress(Math.min(1, (offset + to - opened.startSec) / totalSec));
      }
    } catch (error) {
      if (options.signal.aborted || error instanceof PartError) throw error;
      throw new PartError(
        opened.part.label,
        'its video could not be decoded (the file is damaged or truncated)',
      );
    }
    // A file cut short keeps its header's length but runs out of frames: never export a gap.
    if (opened.endSec - reached > MISSING_TOLERANCE_SEC) {
      throw new PartError(
        opened.part.label,
        `its file is truncated (the picture stops at ${reached.toFixed(2)} s of ${opened.endSec.toFixed(2)} s)`,
      );
    }
  }
}

function audioBufferOf(channels: Float32Array[]): AudioBuffer {
  const length = channels[0]?.length ?? 0;
  const buffer = new AudioBuffer({
    length,
    numberOfChannels: OUTPUT_CHANNELS,
    sampleRate: OUTPUT_SAMPLE_RATE,
  });
  channels.forEach((data, channel) => {
    buffer.copyToChannel(data as Float32Array<ArrayBuffer>, channel);
  });
  return buffer;
}

/** The scratch file could not be written (its quota, a full disk): the render goes again in memory. */
class ScratchWriteFailed extends Error {}

export async function renderSequence(
  parts: readonly RenderPart[],
  options: RenderOptions,
): Promise<RenderResult> {
  try {
    return await renderInto(parts, options, 'scratch-if-possible');
  } catch (error) {
    if (!(error instanceof ScratchWriteFailed)) throw error;
    options.onProgress(0);
    return renderInto(parts, options, 'memory');
  }
}

async function renderInto(
  parts: readonly RenderPart[],
  options: RenderOptions,
  where: 'scratch-if-possible' | 'memory',
): Promise<RenderResult> {
  const opened: OpenedPart[] = [];
  let output: Output | null = null;
  let outputFile: OutputFile | null = null;
  let finished = false;
  try {
    for (const part of parts) {
      options.signal.throwIfAborted();
      opened.push(await openPart(part, options.signal));
    }
    const first = opened[0];
    if (!first) throw new Error('The sequence has no clips to export.');
    const width = even(first.video.displayWidth);
    const height = even(first.video.displayHeight);
    const offsets: number[] = [];
    let totalSec = 0;
    for (const part of opened) {
      offsets.push(totalSec);
      totalSec += part.endSec - part.startSec;
    }
    const codecs = await chooseCodecs(width, height);
    if (!codecs) throw new NoEncoderError(`This system cannot encode video at ${width}×${height}.`);

    const canvas = new OffscreenCanvas(width, height);
    outputFile = await openOutputFile(where);
    output = new Output({
      format: new Mp4OutputFormat({ fastStart: outputFile.inMemory ? 'in-memory' : false }),
      target: outputFile.target,
    });
    const video = new CanvasSource(canvas, { codec: codecs.video, quality: QUALITY_HIGH });
    output.addVideoTrack(video);
    const sound = codecs.audio ? await mixAudio(opened, offsets, totalSec, options.signal) : null;
    const audio =
      sound && codecs.audio ? new AudioBufferSource({ codec: codecs.audio, quality: QUALITY_MEDIUM }) : null;
    if (audio) output.addAudioTrack(audio);
    await output.start();
    if (audio && sound) await audio.add(audioBufferOf(sound));
    audio?.close();
    await encodeVideo(opened, offsets, totalSec, video, canvas, options);
    video.close();
    options.signal.throwIfAborted();
    await output.finalize();
    const file = await outputFile.finish();
    finished = true;
    return {
      file,
      release: outputFile.release,
      width,
      height,
      durationSec: totalSec,
      codecs: sound ? codecs : { ...codecs, audio: null },
    };
  } catch (error) {
    if (outputFile?.writeFailed() && !options.signal.aborted) throw new ScratchWriteFailed(String(error));
    throw error;
  } finally {
    if (output && !finished) await output.cancel().catch(() => {});
    if (outputFile && !finished) await outputFile.release();
    for (const part of opened) part.input.dispose();
  }
}
