// Which codecs an export uses, decided by what this system's WebCodecs can encode: H.264 + AAC in
// MP4 where the platform has those encoders; otherwise VP9 (and Opus for sound), which Chromium
// always encodes in software, still in an MP4, so the library holds one kind of file.
import { type AudioCodec, canEncodeAudio, canEncodeVideo, type VideoCodec } from 'mediabunny';
import { OUTPUT_CHANNELS, OUTPUT_SAMPLE_RATE } from './audio-mix';

export interface ExportCodecs {
  video: VideoCodec;
  /** null: no encoder for sound here (the export is silent; the dialog says so). */
  audio: AudioCodec | null;
}

const VIDEO_CHOICES: VideoCodec[] = ['avc', 'vp9', 'av1'];
const AUDIO_CHOICES: AudioCodec[] = ['aac', 'opus'];

/** null when no video encoder works at this size (the export cannot run on this system). */
export async function chooseCodecs(width: number, height: number): Promise<ExportCodecs | null> {
  let video: VideoCodec | null = null;
  for (const codec of VIDEO_CHOICES) {
    if (await canEncodeVideo(codec, { width, height }).catch(() => false)) {
      video = codec;
      break;
    }
  }
  if (!video) return null;
  let audio: AudioCodec | null = null;
  for (const codec of AUDIO_CHOICES) {
    const options = { numberOfChannels: OUTPUT_CHANNELS, sampleRate: OUTPUT_SAMPLE_RATE };
    if (await canEncodeAudio(codec, options).catch(() => false)) {
      audio = codec;
      break;
    }
  }
  return { video, audio };
}

/** How the dialog names them: "H.264 + AAC". */
export function codecNames(codecs: ExportCodecs): string {
  const names: Record<string, string> = { avc: 'H.264', vp9: 'VP9', av1: 'AV1', aac: 'AAC', opus: 'Opus' };
  const video = names[codecs.video] ?? codecs.video;
  return codecs.audio ? `${video} + ${names[codecs.audio] ?? codecs.audio}` : video;
}
