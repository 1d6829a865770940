// Conversion of a reference image that APIXO would refuse (too large, another format, animated,
// stored sideways) into an upright JPEG of at most 10 MB with the same aspect ratio. sharp (libvips)
// decodes in the main process, so the CLI and the tests convert exactly as the app does.
// Metadata (EXIF, GPS) is dropped on the way: the copy goes to a public link.
import type { OutputInfo, Sharp } from 'sharp';
import { CONVERTIBLE_FORMATS } from '../../../shared/domain/image-limits';
import { LIMITS } from '../../../shared/domain/params';
import { isStudioError } from '../errors';
import type { ImageFormat } from '../media/image-sniff';
import { decodeBmp } from './bmp-decode';
import { invalidImage } from './errors';

// Quality first, then size: a smaller picture is a bigger loss than slightly stronger compression.
const QUALITIES = [88, 76, 64] as const;
const SCALES = [1, 0.8, 0.64, 0.5, 0.36, 0.25] as const;

export interface ConvertedImage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  quality: number;
}

type SharpFactory = typeof import('sharp').default;
// sharp (libvips) takes ~0.2 s to load: only a conversion pays for it, never start-up.
let sharpLoading: Promise<SharpFactory> | undefined;
function loadSharp(): Promise<SharpFactory> {
  sharpLoading ??= import('sharp').then((module) => module.default);
  return sharpLoading;
}

function decoder(sharp: SharpFactory, bytes: Uint8Array, format: ImageFormat): Sharp {
  if (format === 'bmp') {
    const raw = decodeBmp(bytes);
    if (!raw) {
      throw invalidImage(
        'This BMP uses a compression Wan Studio cannot read. Save it as PNG or JPEG and try again.',
      );
    }
    return sharp(raw.pixels, { raw: { width: raw.width, height: raw.height, channels: 4 } });
  }
  // First page/frame only: an animated GIF or WebP becomes a still of its first frame.
  return sharp(bytes, { pages: 1, failOn: 'error' });
}

export async function convertToJpeg(
  bytes: Uint8Array,
  format: ImageFormat,
  maxBytes: number = LIMITS.imageMaxBytes,
): Promise<ConvertedImage> {
  if (!CONVERTIBLE_FORMATS.includes(format)) {
    throw invalidImage(`Wan Studio cannot convert ${format.toUpperCase()} images.`);
  }
  const sharp = await loadSharp();
  let upright: { data: Buffer; info: OutputInfo };
  try {
    // Decode once, honouring the EXIF orientation and flattening transparency onto white.
    upright = await decoder(sharp, bytes, format)
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (isStudioError(error)) throw error;
    throw invalidImage(
      'This image could not be decoded for conversion; it may be damaged.',
      `sharp decode: ${String(error)}`,
      error,
    );
  }
  const { width, height, channels } = upright.info;
  for (const scale of SCALES) {
    const targetWidth = Math.max(1, Math.round(width * scale));
    for (const quality of QUALITIES) {
      let pipeline = sharp(upright.data, { raw: { width, height, channels } });
      if (scale !== 1) pipeline = pipeline.resize({ width: targetWidth });
      const { data, info } = await pipeline
        .jpeg({ quality, chromaSubsampling: '4:2:0' })
        .toBuffer({ resolveWithObject: true });
      if (data.length <= maxBytes) {
        return { jpeg: new Uint8Array(data), width: info.width, height: info.height, quality };
      }
    }
  }
  throw invalidImage('This image could not be made smaller than 10 MB without ruining it.');
}
