// The image formats Wan Studio recognises by their bytes, and how messages name them. Process-agnostic.

export type ImageFormat =
  | 'jpeg'
  | 'png'
  | 'webp'
  | 'gif'
  | 'bmp'
  | 'tiff'
  | 'heic'
  | 'avif'
  | 'pdf'
  | 'unknown';

/** How each format is named in messages to the user. */
export const FORMAT_NAMES: Record<ImageFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  gif: 'GIF',
  bmp: 'BMP',
  tiff: 'TIFF',
  heic: 'HEIC',
  avif: 'AVIF',
  pdf: 'PDF',
  unknown: 'unknown',
};
