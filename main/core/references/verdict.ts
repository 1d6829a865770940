// What to do with the bytes someone dropped, pasted or linked: use them as they are, turn them
// upright (an EXIF orientation tag that APIXO may ignore), offer a conversion (too large, another
// format, animated), or refuse them with the reason. Pure: bytes in, decision out. The final word
// on "usable as it is" stays with validateReferenceImage, the one copy of APIXO's rules.

import { CONVERTIBLE_FORMATS, MAX_SOURCE_BYTES } from '../../../shared/domain/image-limits';
import type { ImageProblem } from '../../../shared/domain/images';
import { LIMITS } from '../../../shared/domain/params';
import {
  checkIntegrity,
  FORMAT_NAMES,
  type ImageFormat,
  type ImageInfo,
  REFERENCE_IMAGE_FORMATS,
  REFERENCE_IMAGE_MIN_SIDE,
  sniffImage,
  validateReferenceImage,
} from '../media/image-sniff';

export type { ImageProblem };

export type ImageVerdict =
  | { kind: 'usable'; info: ImageInfo }
  /** Stored sideways with an EXIF orientation tag: sent as an upright copy, without asking. */
  | { kind: 'rotate'; info: ImageInfo; problem: 'sideways'; message: string }
  /** Fixable by converting to JPEG; the user is asked first. */
  | { kind: 'convertible'; info: ImageInfo; problem: ImageProblem; message: string }
  | { kind: 'refused'; info: ImageInfo | null; problem: ImageProblem; message: string };

const EXTENSION_FORMATS: Record<string, ImageFormat> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jfif: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  bmp: 'bmp',
  tif: 'tiff',
  tiff: 'tiff',
  heic: 'heic',
  heif: 'heic',
  avif: 'avif',
};

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** "photo.jpg is really a PDF document": the name promised one thing, the bytes are another. */
function nameMismatch(name: string, format: ImageFormat): string {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const claimed = EXTENSION_FORMATS[extension];
  if (!claimed || claimed === format) return '';
  const actual =
    format === 'pdf' ? 'a PDF document' : format === 'unknown' ? 'not an image' : FORMAT_NAMES[format];
  return ` "${name}" is named like a ${FORMAT_NAMES[claimed]} image, but its contents are ${actual}.`;
}

function refuse(problem: ImageProblem, message: string, info: ImageInfo | null): ImageVerdict {
  return { kind: 'refused', problem, message, info };
}

export function judgeImage(bytes: Uint8Array, name: string): ImageVerdict {
  if (bytes.length === 0) return refuse('empty', 'The image file is empty (0 bytes).', null);
  if (bytes.length > MAX_SOURCE_BYTES) {
    return refuse(
      'too_large',
      `The image is ${megabytes(bytes.length)}; Wan Studio takes originals up to ${megabytes(MAX_SOURCE_BYTES)} and APIXO at most 10 MB. Save a smaller copy and try again.`,
      null,
    );
  }
  const info = sniffImage(bytes);
  const format = FORMAT_NAMES[info.format];
  if (info.format === 'unknown' || info.format === 'pdf') {
    const what =
      info.format === 'pdf'
        ? 'This file is a PDF document, not an image.'
        : 'This file is not an image format Wan Studio recognises.';
    return refuse(
      'unsupported',
      `${what}${nameMismatch(name, info.format)} Use a JPEG, PNG or WebP image.`,
      info,
    );
  }
  if (info.format === 'heic') {
    return refuse(
      'unsupported',
      'HEIC photos cannot be used or converted here: neither Wan Studio nor the browser engine it runs on includes the HEVC decoder. Export the photo as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible) and try again.',
      info,
    );
  }
  const integrity = checkIntegrity(info);
  if (!integrity.ok) return refuse(integrity.problem, integrity.message, info);
  const { width, height } = integrity;
  if (width < REFERENCE_IMAGE_MIN_SIDE || height < REFERENCE_IMAGE_MIN_SIDE) {
    return refuse(
      'too_small',
      `The image is too small: ${width}×${height} pixels. It must be at least ${REFERENCE_IMAGE_MIN_SIDE} pixels on each side; enlarging it would not add detail.`,
      info,
    );
  }
  if (!CONVERTIBLE_FORMATS.includes(info.format)) {
    return refuse('unsupported', `${format} images are not supported. Use a JPEG, PNG or WebP image.`, info);
  }

  const reasons: string[] = [];
  let problem: ImageProblem | null = null;
  if (info.animated) {
    problem = 'animated';
    reasons.push(
      `This ${format} is animated and Wan 2.5 needs a still image; the first frame would be used.`,
    );
  }
  if (!REFERENCE_IMAGE_FORMATS.includes(info.format)) {
    problem ??= 'unsupported';
    reasons.push(`Wan 2.5 accepts JPEG, PNG or WebP, not ${format}.`);
  }
  if (bytes.length > LIMITS.imageMaxBytes) {
    problem ??= 'too_large';
    reasons.push(`The image is ${megabytes(bytes.length)} and APIXO accepts at most 10 MB.`);
  }
  if (problem) {
    return {
      kind: 'convertible',
      info,
      problem,
      message: `${reasons.join(' ')} Convert it to a JPEG under 10 MB with the same proportions?`,
    };
  }
  const check = validateReferenceImage(bytes);
  if (!check.ok) return refuse(check.problem, check.message, check.info);
  if (info.exifOrientation !== null && info.exifOrientation > 1 && info.exifOrientation <= 8) {
    return {
      kind: 'rotate',
      info,
      problem: 'sideways',
      message:
        'The camera stored this photo sideways with an orientation tag, which APIXO may ignore; an upright copy is used instead.',
    };
  }
  return { kind: 'usable', info };
}

/** Width and height as the image is meant to be seen (EXIF orientations 5–8 swap them). */
export function displaySize(info: ImageInfo): { width: number | null; height: number | null } {
  const swapped = info.exifOrientation !== null && info.exifOrientation >= 5 && info.exifOrientation <= 8;
  return swapped ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
}
