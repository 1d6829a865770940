// What APIXO does with audio_urls[0] once a wan-2-5-video task runs: fetch it (10 s, public or
// loopback) and make sure it is WAV or MP3 audio of 3–30 s and at most 15 MB, judged by its bytes.
import { audioProblem } from '../../shared/domain/audio';
import { MODELS } from '../../shared/domain/models';
import { probeAudio } from '../core/media/audio-probe';
import { fetchAtMost, type ImageCheckResult } from './image-check';

export async function checkAudioUrl(url: string, signal: AbortSignal): Promise<ImageCheckResult> {
  const rules = MODELS['wan-2-5-video'].audio;
  if (!rules) return { ok: false, detail: 'this model takes no audio' };
  const fetched = await fetchAtMost(url, signal, rules.maxBytes);
  if (!fetched.ok) return fetched;
  const probe = probeAudio(fetched.bytes);
  const durationMs = probe.format === 'unknown' ? null : probe.durationMs;
  const problem = audioProblem({ format: probe.format, bytes: fetched.bytes.length, durationMs }, rules);
  if (problem) return { ok: false, detail: problem.message };
  return { ok: true, detail: `${probe.format}, ${durationMs} ms, ${fetched.bytes.length} bytes` };
}
