// An MCP generate/estimate call → the batch items the contract takes: `count` videos with the same
// settings, seeds following the given one (or random), the image as a link or a file.
import type { z } from 'zod';
import type { BatchItemInput } from '../../../shared/batch/items';
import { LIMITS } from '../../../shared/domain/params';
import type { generationShape } from './tool-inputs';

type GenerationArgs = { [K in keyof typeof generationShape]: z.output<(typeof generationShape)[K]> };

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function itemsFrom(args: GenerationArgs): BatchItemInput[] {
  const mode = args.mode ?? (args.imageUrl || args.imagePath ? 'image-to-video' : 'text-to-video');
  return Array.from({ length: args.count ?? 1 }, (_, index) => ({
    params: defined({
      model: args.model,
      mode,
      prompt: args.prompt,
      negativePrompt: args.negativePrompt,
      imageUrl: args.imageUrl,
      resolution: args.resolution,
      duration: args.duration,
      aspectRatio: args.aspectRatio,
      seed: args.seed === undefined ? undefined : (args.seed + index) % (LIMITS.seedMax + 1),
      promptExpansion: args.promptExpansion,
      provider: args.provider,
    }) as BatchItemInput['params'],
    ...defined({ imagePath: args.imagePath, project: args.project, tags: args.tags }),
  }));
}
