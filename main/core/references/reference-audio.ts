// Reference audio for wan-2-5-video, from a file or a public link: judged by its bytes (format by
// magic numbers, duration from the header/frames, size), kept in the library under its SHA-256
// beside the reference images (so the same audio is stored once and a remix finds it again), and
// described to the UI as an AudioInspection. Links are fetched the way APIXO will fetch them.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type AudioInspection, audioProblem } from '../../../shared/domain/audio';
import { MAX_AUDIO_BYTES, MODELS } from '../../../shared/domain/models';
import { referenceAudioRelPath } from '../../../shared/domain/reference-paths';
import { StudioError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { absolutePath } from '../library/paths';
import type { LibraryStore } from '../library/types';
import { probeAudio } from '../media/audio-probe';
import type { AddressPolicy } from '../net/address-policy';
import { fetchImageUrl } from './fetch-image-url';

/** The rules of the model that takes audio (one today; the table says which). */
const RULES = MODELS['wan-2-5-video'].audio ?? { formats: [], minSeconds: 0, maxSeconds: 0, maxBytes: 0 };

export function invalidAudio(userMessage: string, detail?: string, cause?: unknown): StudioError {
  return new StudioError({ kind: 'invalid_audio', userMessage, detail, cause, createdNothing: true });
}

export class ReferenceAudio {
  constructor(
    private readonly library: () => LibraryStore,
    private readonly now: () => number = Date.now,
  ) {}

  async inspectBytes(
    name: string,
    bytes: Uint8Array,
    sourceUrl: string | null = null,
  ): Promise<AudioInspection> {
    const probe = probeAudio(bytes);
    const format = probe.format;
    const durationMs = probe.format === 'unknown' ? null : probe.durationMs;
    const refusal = audioProblem({ format, bytes: bytes.length, durationMs }, RULES);
    const base = { name, format, bytes: bytes.length, durationMs, sourceUrl };
    if (refusal || probe.format === 'unknown') {
      return { ...base, sha256: null, relPath: null, status: 'refused', ...refusalOf(refusal) };
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const relPath = referenceAudioRelPath(sha256, probe.format);
    const library = this.library();
    const path = absolutePath(library.root, relPath);
    if ((await stat(path).catch(() => null))?.size !== bytes.length) {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, bytes);
    }
    library.saveReferenceImage({
      sha256,
      relPath,
      name,
      sourceUrl,
      convertedFrom: null,
      createdAt: this.now(),
    });
    return { ...base, sha256, relPath, status: 'ready', problem: null, message: null };
  }

  /** A public link: fetched once as APIXO would (same address rules), then judged like a file. */
  async inspectUrl(url: string, policy: AddressPolicy): Promise<AudioInspection> {
    try {
      const fetched = await fetchImageUrl(url, { policy, maxBytes: MAX_AUDIO_BYTES });
      const name = decodeURIComponent(new URL(fetched.finalUrl).pathname.split('/').at(-1) || 'audio');
      return await this.inspectBytes(name.slice(0, 200), fetched.bytes, url.trim());
    } catch (error) {
      // The link checks are shared with images; their refusals are reworded for audio.
      if (error instanceof StudioError && error.kind === 'invalid_image') {
        throw invalidAudio(error.userMessage.replace(/\bimage\b/g, 'audio'), error.detail, error);
      }
      throw error;
    }
  }

  /** A stored audio as it is now (remix); refused when it is gone from the library. */
  async get(sha256: string): Promise<AudioInspection> {
    const record = this.library().getReferenceImage(sha256);
    const bytes = record
      ? await readFile(absolutePath(this.library().root, record.relPath)).catch(() => null)
      : null;
    if (!record || !bytes) {
      throw invalidAudio('That audio is no longer in the library (it may have been deleted). Add it again.');
    }
    return this.inspectBytes(record.name, bytes, record.sourceUrl);
  }

  /** A stored audio that can be sent, or the reason it cannot. */
  async requireReady(sha256: string): Promise<AudioInspection & { relPath: string }> {
    const inspection = await this.get(sha256);
    if (inspection.status !== 'ready' || !inspection.relPath) {
      throw invalidAudio(inspection.message ?? `"${inspection.name}" cannot be used.`);
    }
    return { ...inspection, relPath: inspection.relPath };
  }
}

function refusalOf(found: ReturnType<typeof audioProblem>): Pick<AudioInspection, 'problem' | 'message'> {
  return found ?? { problem: 'unsupported', message: 'This is not WAV or MP3 audio.' };
}
