// What the UI learns about an added reference audio, and the rules it is judged by (from the
// model's row in the capability table). Process-agnostic.
import type { AudioCapability, AudioFormat } from './models';

export type AudioProblem = 'unsupported' | 'too_large' | 'too_short' | 'too_long';

export interface AudioInspection {
  /** The stored audio's id (SHA-256 of its bytes); null when refused and not kept. */
  sha256: string | null;
  name: string;
  format: AudioFormat | 'unknown';
  bytes: number;
  durationMs: number | null;
  status: 'ready' | 'refused';
  problem: AudioProblem | null;
  message: string | null;
  /** Relative to the library root, for playback. */
  relPath: string | null;
  /** The public link it came from (sent as it is, no upload needed). */
  sourceUrl: string | null;
}

const MB = 1024 * 1024;

/** The first rule the audio breaks, with a message that says what to do, or null when it fits. */
export function audioProblem(
  facts: { format: AudioFormat | 'unknown'; bytes: number; durationMs: number | null },
  rules: AudioCapability,
): { problem: AudioProblem; message: string } | null {
  if (facts.format === 'unknown' || !rules.formats.includes(facts.format)) {
    return { problem: 'unsupported', message: 'This is not WAV or MP3 audio. Save it as .wav or .mp3.' };
  }
  if (facts.bytes > rules.maxBytes) {
    const size = (facts.bytes / MB).toFixed(1);
    return {
      problem: 'too_large',
      message: `The audio is ${size} MB; at most ${rules.maxBytes / MB} MB is accepted.`,
    };
  }
  const seconds = (facts.durationMs ?? 0) / 1000;
  if (seconds < rules.minSeconds) {
    return {
      problem: 'too_short',
      message: `The audio is ${seconds.toFixed(1)} s long; it must be at least ${rules.minSeconds} s.`,
    };
  }
  if (seconds > rules.maxSeconds) {
    return {
      problem: 'too_long',
      message: `The audio is ${seconds.toFixed(1)} s long; at most ${rules.maxSeconds} s is accepted. Trim it first.`,
    };
  }
  return null;
}

/** Audio longer than the clip is cut at the clip's end; shorter audio leaves the rest silent. */
export function audioFit(durationMs: number, clipSeconds: number): 'cut' | 'silent_tail' | 'fits' {
  if (durationMs > clipSeconds * 1000 + 250) return 'cut';
  if (durationMs < clipSeconds * 1000 - 250) return 'silent_tail';
  return 'fits';
}
