// Limits for reference images that the UI, the contract and the core share. Process-agnostic.
import type { ImageFormat } from './image-formats';

/** Wan Studio accepts bigger originals than APIXO (10 MB) so that it can offer to shrink them. */
export const MAX_SOURCE_BYTES = 45 * 1024 * 1024;

/**
 * What sharp's prebuilt libvips (plus our BMP reader) can decode. HEIC is missing on purpose:
 * its HEVC codec is patent-encumbered and ships in neither libvips builds nor Chromium.
 */
export const CONVERTIBLE_FORMATS: readonly ImageFormat[] = [
  'jpeg',
  'png',
  'webp',
  'gif',
  'tiff',
  'avif',
  'bmp',
];
