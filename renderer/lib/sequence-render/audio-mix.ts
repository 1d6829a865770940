// The export's sound: one buffer as long as the sequence, each part's audio laid at its place
// (resampled to the output rate, mono spread to both channels) and silence where a part has none.
import { AudioSampleSink } from 'mediabunny';
import type { OpenedPart } from './parts';
import { PartError } from './parts';

export const OUTPUT_SAMPLE_RATE = 48_000;
export const OUTPUT_CHANNELS = 2;

/** Linear resampling of one channel's samples: enough for speech and music at these rates. */
function resample(source: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return source;
  const length = Math.floor((source.length * toRate) / fromRate);
  const out = new Float32Array(length);
  const step = fromRate / toRate;
  for (let index = 0; index < length; index++) {
    const at = index * step;
    const left = Math.floor(at);
    const right = Math.min(left + 1, source.length - 1);
    const weight = at - left;
    out[index] = (source[left] ?? 0) * (1 - weight) + (source[right] ?? 0) * weight;
  }
  return out;
}

/**
 * Mixes the parts' audio into planar channels at OUTPUT_SAMPLE_RATE. `offsets[i]` is where part i
 * starts in the output (seconds). Returns null when no part has sound (the export has no audio track).
 */
export async function mixAudio(
  parts: readonly OpenedPart[],
  offsets: readonly number[],
  totalSec: number,
  signal: AbortSignal,
): Promise<Float32Array[] | null> {
  if (!parts.some((part) => part.audio)) return null;
  const length = Math.ceil(totalSec * OUTPUT_SAMPLE_RATE);
  const channels = Array.from({ length: OUTPUT_CHANNELS }, () => new Float32Array(length));
  for (const [index, opened] of parts.entries()) {
    if (!opened.audio) continue;
    const sink = new AudioSampleSink(opened.audio);
    try {
      for await (const sample of sink.samples(opened.startSec, opened.endSec)) {
        try {
          signal.throwIfAborted();
          // Frames of this sample that fall inside the part's range, placed at their output time.
          const rate = sample.sampleRate;
          const skip = Math.max(0, Math.round((opened.startSec - sample.timestamp) * rate));
          const keep =
            Math.min(sample.numberOfFrames, Math.round((opened.endSec - sample.timestamp) * rate)) - skip;
          if (keep <= 0) continue;
          const at = (offsets[index] ?? 0) + Math.max(0, sample.timestamp - opened.startSec);
          const start = Math.round(at * OUTPUT_SAMPLE_RATE);
          for (let channel = 0; channel < OUTPUT_CHANNELS; channel++) {
            const plane = Math.min(channel, sample.numberOfChannels - 1);
            const raw = new Float32Array(keep);
            sample.copyTo(raw, {
              planeIndex: plane,
              format: 'f32-planar',
              frameOffset: skip,
              frameCount: keep,
            });
            const data = resample(raw, rate, OUTPUT_SAMPLE_RATE);
            const target = channels[channel] as Float32Array;
            target.set(data.subarray(0, Math.max(0, length - start)), start);
          }
        } finally {
          sample.close();
        }
      }
    } catch (error) {
      if (signal.aborted || error instanceof PartError) throw error;
      throw new PartError(opened.part.label, 'its sound could not be decoded');
    }
  }
  return channels;
}
