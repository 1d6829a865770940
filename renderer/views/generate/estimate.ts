// What "Generate N videos ≈ $X" counts: only what will be sent. Refused images (and images main
// could not even read) are left out; images still being checked or waiting for a conversion are
// counted but named, since they block the submit until they are ready. An invalid batch size gives
// no estimate at all, rather than the price of a size the user did not ask for.

import { MAX_BATCH, MIN_BATCH } from '../../../shared/contract/batch-limit';
import { estimateCostUsd } from '../../../shared/domain/pricing';
import type { GenerateForm } from '../../state/generate';
import type { AddedImage } from './image-store';

/** An added image that can never be sent: main refused it or could not read it. */
export function isRefusedImage(image: AddedImage): boolean {
  return image.state === 'failed' || image.inspection?.status === 'refused';
}

export interface Estimate {
  /** null: the batch size is not valid, so there is nothing to estimate. */
  videos: number | null;
  usd: number | null;
  /** Added images left out of the count because they will not be sent. */
  refused: number;
  /** Counted images that are not ready yet (checking, converting, needing a conversion). */
  notReady: number;
}

export function estimateFor(
  form: Pick<GenerateForm, 'count' | 'resolution' | 'duration' | 'mode' | 'model'>,
  images: AddedImage[],
): Estimate {
  const imageToVideo = form.mode === 'image-to-video';
  const kept = imageToVideo ? images.filter((image) => !isRefusedImage(image)) : [];
  const refused = imageToVideo ? images.length - kept.length : 0;
  const notReady = kept.filter(
    (image) => image.state !== 'checked' || image.inspection?.status !== 'ready',
  ).length;
  const validCount = Number.isInteger(form.count) && form.count >= MIN_BATCH && form.count <= MAX_BATCH;
  // With images added but every one refused, nothing would be sent.
  const perCount = imageToVideo && images.length > 0 ? kept.length : 1;
  const videos = form.count * perCount;
  if (!validCount || perCount === 0 || videos > MAX_BATCH)
    return { videos: null, usd: null, refused, notReady };
  return {
    videos,
    usd: estimateCostUsd(form.resolution, form.duration, videos, form.model),
    refused,
    notReady,
  };
}
