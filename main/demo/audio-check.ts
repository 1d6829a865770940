// What APIXO does with audio_urls[0] once a wan-2-5-video task runs: fetch it (10 s, public or
// loopback) and make sure it is WAV or MP3 audio of 3–30 s and at most 15 MB, judged by its bytes.
import { audioProblem } from '../../shared/domain/audio';
import { MODELS } from '../../shared/domain/models';
import { probeAudio } from '../core/media/audio-probe';
import { IMAGE_FETCH_TIMEOUT_MS, type ImageCheckResult, readAtMost } from './image-check';

export async function checkAudioUrl(url: string, signal: AbortSignal): Promise<ImageCheckResult> {
  const rules = MODELS['wan-2-5-video'].audio;
  if (!rules) return { ok: false, detail: 'this model takes no audio' };
  try {
    const response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.any([signal, AbortSignal.timeout(IMAGE_FETCH_TIMEOUT_MS)]),
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return { ok: false, detail: `HTTP ${response.status}` };
    }
    const bytes = await readAtMost(response.body, rules.maxBytes);
    if (!bytes) return { ok: false, detail: `too large: more than ${rules.maxBytes} bytes` };
    const probe = probeAudio(bytes);
    const durationMs = probe.format === 'unknown' ? null : probe.durationMs;
    const problem = audioProblem({ format: probe.format, bytes: bytes.length, durationMs }, rules);
    if (problem) return { ok: false, detail: problem.message };
    return { ok: true, detail: `${probe.format}, ${durationMs} ms, ${bytes.length} bytes` };
  } catch (error) {
    return { ok: false, detail: `fetch failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
