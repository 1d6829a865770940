// What an image file really is (by its bytes, never its extension), and whether it can be the
// reference image of an image-to-video generation. Pure: bytes in, facts out.
import { FORMAT_NAMES, type ImageFormat } from '../../../shared/domain/image-formats';
import type { ReferenceImageProblem } from '../../../shared/domain/images';
import { LIMITS } from '../../../shared/domain/params';
import {
  type HeaderInfo,
  heifBrand,
  readBmp,
  readGif,
  readHeif,
  readJpeg,
  readPng,
  readTiff,
  readWebp,
} from './image-headers';

export { FORMAT_NAMES, type ImageFormat };

export interface ImageInfo {
  format: ImageFormat;
  width: number | null;
  height: number | null;
  animated: boolean;
  exifOrientation: number | null;
  /** False when the bytes stop before the image does (end marker missing, size short). */
  complete: boolean;
}

/** APIXO: "Use JPEG, PNG, or WebP" (UNSUPPORTED_FORMAT). */
export const REFERENCE_IMAGE_FORMATS: readonly ImageFormat[] = ['jpeg', 'png', 'webp'];
/** Not documented for wan-2-5; below this the generation is not worth paying for. */
export const REFERENCE_IMAGE_MIN_SIDE = 64;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, index) => bytes[at + index] === byte);
}

function startsWithText(bytes: Uint8Array, text: string, at = 0): boolean {
  return startsWith(
    bytes,
    [...text].map((char) => char.charCodeAt(0)),
    at,
  );
}

const NOTHING: HeaderInfo = {
  width: null,
  height: null,
  animated: false,
  exifOrientation: null,
  complete: true,
};

function detect(bytes: Uint8Array): [ImageFormat, HeaderInfo] {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ['jpeg', readJpeg(bytes)];
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ['png', readPng(bytes)];
  if (startsWithText(bytes, 'RIFF') && startsWithText(bytes, 'WEBP', 8)) return ['webp', readWebp(bytes)];
  if (startsWithText(bytes, 'GIF87a') || startsWithText(bytes, 'GIF89a')) return ['gif', readGif(bytes)];
  if (startsWithText(bytes, 'BM') && bytes.length >= 26) return ['bmp', readBmp(bytes)];
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return ['tiff', readTiff(bytes)];
  }
  if (startsWithText(bytes, '%PDF-')) return ['pdf', NOTHING];
  const heif = heifBrand(bytes);
  if (heif) return [heif, readHeif(bytes)];
  return ['unknown', { ...NOTHING, complete: false }];
}

export function sniffImage(bytes: Uint8Array): ImageInfo {
  const [format, header] = detect(bytes);
  return { format, ...header };
}

export type { ReferenceImageProblem };

export type ReferenceImageCheck =
  | { ok: true; info: ImageInfo }
  | { ok: false; problem: ReferenceImageProblem; message: string; info: ImageInfo | null };

const USE_INSTEAD = 'Use a JPEG, PNG or WebP image.';

/** Checks in the order a user can act on: the cheapest and most fundamental problem first. */
/**
 * A file cut short or with an unreadable size is refused in the same words wherever an image is
 * checked; otherwise its size is known.
 */
export function checkIntegrity(
  info: ImageInfo,
):
  | { ok: true; width: number; height: number }
  | { ok: false; problem: 'truncated' | 'unreadable'; message: string } {
  const name = FORMAT_NAMES[info.format];
  if (!info.complete) {
    return {
      ok: false,
      problem: 'truncated',
      message: `The ${name} file is incomplete: it ends before the image does (an unfinished download or copy?).`,
    };
  }
  if (info.width === null || info.height === null) {
    return {
      ok: false,
      problem: 'unreadable',
      message: `The ${name} file is damaged: its size could not be read.`,
    };
  }
  return { ok: true, width: info.width, height: info.height };
}

export function validateReferenceImage(bytes: Uint8Array): ReferenceImageCheck {
  if (bytes.length === 0) return fail('empty', 'The image file is empty (0 bytes).', null);
  if (bytes.length > LIMITS.imageMaxBytes) {
    const size = (bytes.length / (1024 * 1024)).toFixed(1);
    return fail(
      'too_large',
      `The image is ${size} MB; the limit is 10 MB. Save a smaller copy and try again.`,
      null,
    );
  }
  const info = sniffImage(bytes);
  if (info.format === 'unknown') {
    return fail('unsupported', `This file is not an image format we recognise. ${USE_INSTEAD}`, info);
  }
  if (!REFERENCE_IMAGE_FORMATS.includes(info.format)) {
    const name = FORMAT_NAMES[info.format];
    const what = info.format === 'pdf' ? 'PDF documents are' : `${name} images are`;
    return fail('unsupported', `${what} not supported by Wan 2.5. ${USE_INSTEAD}`, info);
  }
  const name = FORMAT_NAMES[info.format];
  const integrity = checkIntegrity(info);
  if (!integrity.ok) return fail(integrity.problem, integrity.message, info);
  const { width, height } = integrity;
  if (info.animated) {
    return fail('animated', `Animated ${name} images are not supported. Use a still image.`, info);
  }
  if (width < REFERENCE_IMAGE_MIN_SIDE || height < REFERENCE_IMAGE_MIN_SIDE) {
    return fail(
      'too_small',
      `The image is too small: ${width}×${height} pixels. It must be at least ${REFERENCE_IMAGE_MIN_SIDE} pixels on each side.`,
      info,
    );
  }
  return { ok: true, info };
}

function fail(problem: ReferenceImageProblem, message: string, info: ImageInfo | null): ReferenceImageCheck {
  return { ok: false, problem, message, info };
}
