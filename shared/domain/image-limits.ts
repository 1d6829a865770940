// Limits for reference images that the UI, the contract and the core share. Process-agnostic.
import type { ImageFormat } from './image-formats';
import { MODELS, type ModelId } from './models';

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

/**
 * Why an image that is otherwise ready cannot go to this model (its own size rules: wan-2-5-video
 * wants 240–8000 pixels a side), or null when it fits. Images are judged before the model is known,
 * by the strictest common rules; this is the per-model check made when they are sent.
 */
export function imageMisfitForModel(
  model: ModelId,
  image: { width: number | null; height: number | null; bytes: number },
): string | null {
  const limits = MODELS[model].image;
  const label = MODELS[model].label;
  if (image.bytes > limits.maxBytes) {
    return `${label} takes images up to ${Math.round(limits.maxBytes / (1024 * 1024))} MB; this one is ${(image.bytes / (1024 * 1024)).toFixed(1)} MB.`;
  }
  if (image.width === null || image.height === null) return null;
  const shortest = Math.min(image.width, image.height);
  const longest = Math.max(image.width, image.height);
  if (limits.minSide !== null && shortest < limits.minSide) {
    return `${label} needs images at least ${limits.minSide} pixels on each side; this one is ${image.width}×${image.height}.`;
  }
  if (limits.maxSide !== null && longest > limits.maxSide) {
    return `${label} takes images at most ${limits.maxSide} pixels on a side; this one is ${image.width}×${image.height}.`;
  }
  return null;
}
