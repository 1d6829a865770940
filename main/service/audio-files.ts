// audio.inspect for a file the UI sent (a granted path or an upload): the size is checked before
// anything is read (a 16 MB file is refused without reading it), then the bytes are judged here.
import { readFile, stat } from 'node:fs/promises';
import type { FileRef } from '../../shared/contract/file-refs';
import type { AudioInspection } from '../../shared/domain/audio';
import { MAX_AUDIO_BYTES } from '../../shared/domain/models';
import { invalidAudio, type ReferenceAudio } from '../core/references/reference-audio';
import type { FileAccess } from './file-access';

const MB = 1024 * 1024;

export async function inspectAudioFile(
  audio: ReferenceAudio,
  access: FileAccess,
  ref: FileRef,
): Promise<AudioInspection> {
  const file = access.open(ref);
  try {
    const info = await stat(file.path).catch(() => null);
    if (!info?.isFile()) throw invalidAudio(`${file.name} could not be read.`);
    if (info.size > MAX_AUDIO_BYTES) {
      throw invalidAudio(
        `${file.name} is ${(info.size / MB).toFixed(1)} MB; audio up to ${MAX_AUDIO_BYTES / MB} MB is accepted.`,
      );
    }
    return await audio.inspectBytes(file.name, await readFile(file.path));
  } finally {
    await file.release().catch(() => {});
  }
}
