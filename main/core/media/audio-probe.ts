// What a file of audio is, judged by its bytes: WAV (RIFF/WAVE, duration from the fmt chunk's
// byte rate and the data chunk's size) or MP3 (optional ID3v2 tag, then MPEG audio frames; the
// duration is the sum of every frame's samples, so VBR files are measured exactly). Written here
// rather than taken from a library because these two formats need ~150 lines and nothing else
// (music-metadata would bring a dozen packages for formats APIXO does not accept).

export type AudioProbe =
  | { format: 'wav' | 'mp3'; durationMs: number; sampleRate: number; channels: number }
  | { format: 'unknown'; reason: string };

/** bytes[at], or 0 past the end (the callers check lengths; this keeps the types honest). */
const byte = (bytes: Uint8Array, at: number): number => bytes[at] ?? 0;

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

export function probeAudio(bytes: Uint8Array): AudioProbe {
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') {
    return probeWav(bytes);
  }
  const start = id3v2Length(bytes);
  if (frameAt(bytes, start)) return probeMp3(bytes, start);
  return { format: 'unknown', reason: 'neither WAV nor MP3' };
}

function probeWav(bytes: Uint8Array): AudioProbe {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let byteRate = 0;
  let sampleRate = 0;
  let channels = 0;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 24 <= bytes.length) {
      channels = view.getUint16(at + 10, true);
      sampleRate = view.getUint32(at + 12, true);
      byteRate = view.getUint32(at + 16, true);
    } else if (id === 'data') {
      if (byteRate === 0) return { format: 'unknown', reason: 'WAV without a format chunk' };
      // A streamed WAV may declare 0 or 0xFFFFFFFF; then the data runs to the end of the file.
      const available = bytes.length - (at + 8);
      const dataBytes = size === 0 || size > available ? available : size;
      return { format: 'wav', durationMs: Math.round((dataBytes / byteRate) * 1000), sampleRate, channels };
    }
    at += 8 + size + (size % 2);
  }
  return { format: 'unknown', reason: 'WAV without audio data' };
}

/** Size of a leading ID3v2 tag (header + body + footer), or 0. */
function id3v2Length(bytes: Uint8Array): number {
  if (bytes.length < 10 || ascii(bytes, 0, 3) !== 'ID3') return 0;
  const size =
    ((byte(bytes, 6) & 0x7f) << 21) |
    ((byte(bytes, 7) & 0x7f) << 14) |
    ((byte(bytes, 8) & 0x7f) << 7) |
    (byte(bytes, 9) & 0x7f);
  const footer = byte(bytes, 5) & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

const BITRATES_KBPS = {
  v1l3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2l3: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

interface Frame {
  length: number;
  samples: number;
  sampleRate: number;
  channels: number;
}

/** An MPEG-1/2/2.5 Layer III frame header at `at`, or null. */
function frameAt(bytes: Uint8Array, at: number): Frame | null {
  if (at + 4 > bytes.length || byte(bytes, at) !== 0xff || (byte(bytes, at + 1) & 0xe0) !== 0xe0) return null;
  const version = (byte(bytes, at + 1) >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5, 1 reserved
  const layer = (byte(bytes, at + 1) >> 1) & 3; // 1 = Layer III
  const bitrateIndex = byte(bytes, at + 2) >> 4;
  const rateIndex = (byte(bytes, at + 2) >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return null;
  const mpeg1 = version === 3;
  const bitrate = ((mpeg1 ? BITRATES_KBPS.v1l3 : BITRATES_KBPS.v2l3)[bitrateIndex] ?? 0) * 1000;
  const sampleRate = SAMPLE_RATES[version]?.[rateIndex] ?? 0;
  if (bitrate === 0 || sampleRate === 0) return null;
  const samples = mpeg1 ? 1152 : 576;
  const padding = (byte(bytes, at + 2) >> 1) & 1;
  const length = Math.floor((samples / 8) * (bitrate / sampleRate)) + padding;
  const channels = byte(bytes, at + 3) >> 6 === 3 ? 1 : 2;
  return length > 4 ? { length, samples, sampleRate, channels } : null;
}

function probeMp3(bytes: Uint8Array, start: number): AudioProbe {
  let samples = 0;
  let frames = 0;
  let first: Frame | null = null;
  let at = start;
  for (;;) {
    const frame = frameAt(bytes, at);
    if (!frame) break;
    first ??= frame;
    // Frames must agree on the sample rate; a stray sync word in garbage would not.
    if (frame.sampleRate !== first.sampleRate) break;
    samples += frame.samples;
    frames += 1;
    at += frame.length;
  }
  // One lone "frame" is what random bytes starting with 0xFFE look like; real audio has many.
  if (!first || frames < 2) return { format: 'unknown', reason: 'no MPEG audio frames' };
  return {
    format: 'mp3',
    durationMs: Math.round((samples / first.sampleRate) * 1000),
    sampleRate: first.sampleRate,
    channels: first.channels,
  };
}
