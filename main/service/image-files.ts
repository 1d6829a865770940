// images.inspect for a file the UI sent (a granted path or an upload): the size is checked before
// anything is read, then the bytes are judged in this process and never cross the UI's channel.
import { readFile, stat } from 'node:fs/promises';
import { FILE_LIMITS, type FileRef } from '../../shared/contract/file-refs';
import { StudioError } from '../core/errors';
import type { ImageInspection, ReferenceImages } from '../core/references/reference-images';
import type { FileAccess } from './file-access';

const MB = 1024 * 1024;

export async function inspectImageFile(
  references: ReferenceImages,
  access: FileAccess,
  ref: FileRef,
): Promise<ImageInspection> {
  const file = access.open(ref);
  try {
    const info = await stat(file.path).catch(() => null);
    if (!info?.isFile()) {
      throw new StudioError({ kind: 'invalid_image', userMessage: `${file.name} could not be read.` });
    }
    if (info.size > FILE_LIMITS.image) {
      throw new StudioError({
        kind: 'invalid_image',
        userMessage: `${file.name} is ${Math.ceil(info.size / MB)} MB; images up to ${FILE_LIMITS.image / MB} MB can be added. Save a smaller copy.`,
      });
    }
    return await references.inspectBytes(file.name, await readFile(file.path));
  } finally {
    await file.release().catch(() => {});
  }
}
