// A create request becomes its generations: one per image × variation, each with the seed it will
// use recorded up front (a remix reproduces it exactly), all sharing a batch id when there are several.

import type { NewLink } from '../../../shared/domain/lineage';
import { type GenerationParams, LIMITS, modelOf, type RequestType } from '../../../shared/domain/params';
import { estimateCostUsd } from '../../../shared/domain/pricing';
import type { ImageSource, NewGeneration } from '../library/types';

export interface EnqueueRequest {
  params: GenerationParams;
  count: number;
  seedMode: 'random' | 'fixed';
  projectId: string | null;
  backend: 'apixo' | 'demo';
  /**
   * image-to-video: the reference images kept in the library. Each makes `count` generations with
   * the same settings (dropping several images makes one batch). 'url' keeps params.imageUrl;
   * 'hosted' uploads the image before submit.
   */
  images?: { referenceImagePath: string; imageSource: ImageSource; imageUrl?: string }[];
  /** Staging: create the generations `held`, sent only when the user says so. */
  hold?: boolean;
  /** wan-2-5-video: the reference audio every generation of the batch is made to (same rules as images). */
  audio?: { referenceAudioPath: string; audioSource: ImageSource; audioUrl?: string };
  /** Where every generation of the request comes from (a continuation, a frame, a remix). */
  lineage?: NewLink;
}

export function expandBatch(
  request: EnqueueRequest,
  context: { now: number; random: () => number; requestType: RequestType },
): NewGeneration[] {
  const images = request.images && request.images.length > 0 ? request.images : [null];
  const total = images.length * request.count;
  const batchId = total > 1 ? `batch-${context.now.toString(36)}` : null;
  const baseSeed =
    request.seedMode === 'fixed' && request.params.seed !== undefined ? request.params.seed : null;
  const generations: NewGeneration[] = [];
  for (const image of images) {
    for (let index = 0; index < request.count; index++) {
      const seed =
        baseSeed !== null
          ? (baseSeed + index) % (LIMITS.seedMax + 1)
          : Math.floor(context.random() * LIMITS.seedMax);
      const params = { ...request.params, seed };
      if (image?.imageSource === 'hosted') delete params.imageUrl;
      else if (image?.imageUrl) params.imageUrl = image.imageUrl;
      const audio = request.audio;
      if (audio?.audioSource === 'hosted') delete params.audioUrl;
      else if (audio?.audioUrl) params.audioUrl = audio.audioUrl;
      generations.push({
        projectId: request.projectId,
        batchId,
        params,
        backend: request.backend,
        requestType: context.requestType,
        estimatedCostUsd: estimateCostUsd(
          request.params.resolution,
          request.params.duration,
          1,
          modelOf(request.params),
        ),
        referenceImagePath: image?.referenceImagePath ?? null,
        imageSource: image?.imageSource ?? null,
        ...(request.hold ? { state: 'held' as const, hold: { kind: 'staged' as const } } : {}),
        referenceAudioPath: audio?.referenceAudioPath ?? null,
        audioSource: audio?.audioSource ?? null,
        ...(request.lineage ? { links: [request.lineage] } : {}),
      });
    }
  }
  return generations;
}
