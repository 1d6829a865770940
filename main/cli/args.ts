// Command-line parsing for `wan-studio`. Turns flags into the same generations.create argument the
// UI sends, carrying only what the user gave: the contract's schema fills the defaults and holds
// every limit, so the CLI and the app cannot disagree.
import type { z } from 'zod';
import { createGenerationsSchema } from '../../shared/contract/contract';
import { capabilitiesOf, MODEL_IDS, MODELS } from '../../shared/domain/models';
import { type GenerationParamsInput, MODEL_ID } from '../../shared/domain/params';
import { StudioError } from '../core/errors';
import { toContractError } from '../service/dispatch';
import { type CliValues, usageError } from './flags';

type CreateGenerationsInput = z.input<typeof createGenerationsSchema>;

export { type CliValues, OPTIONS, parse, USAGE, usageError } from './flags';

export function integerOption(
  values: CliValues,
  name: 'seed' | 'count' | 'limit' | 'duration',
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw usageError(`--${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

/** What the user gave, without the keys they left out: the contract's schema fills the defaults. */
function given<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** --prompt and friends as generation parameters: only the flags given (plus the mode they imply). */
export function generationParamsFrom(values: CliValues): GenerationParamsInput {
  const files = values.image ?? [];
  if (files.length > 0 && values['image-url']) throw usageError('give --image or --image-url, not both');
  const mode = values.mode ?? (values['image-url'] || files.length > 0 ? 'image-to-video' : 'text-to-video');
  const model = values.model ? capabilitiesOf(values.model) : MODELS[MODEL_ID];
  if (!model) throw usageError(`unknown --model "${values.model}" (known: ${MODEL_IDS.join(', ')})`);
  const promptOptional = mode === 'image-to-video' && !model.promptRequired['image-to-video'];
  if (!values.prompt && !promptOptional) throw usageError('generate needs --prompt');
  return given({
    model: values.model,
    audioUrl: audioLink(values.audio),
    mode,
    prompt: values.prompt,
    negativePrompt: values['negative-prompt'],
    resolution: values.resolution,
    duration: integerOption(values, 'duration'),
    aspectRatio: values['aspect-ratio'],
    imageUrl: values['image-url'],
    seed: integerOption(values, 'seed'),
    promptExpansion: values['no-prompt-expansion'] ? false : undefined,
    provider: values.provider,
  } as Record<keyof GenerationParamsInput, unknown>) as GenerationParamsInput;
}

/** --audio given as an http(s) link (a file is inspected by the command and named by its id). */
export function audioLink(audio: string | undefined): string | undefined {
  return audio && /^https?:\/\//i.test(audio) ? audio : undefined;
}

/**
 * The generations.create argument for these flags. `references` are the added images' ids (the
 * generation parameters say image-to-video; the images stand in for the link).
 */
export function createArgumentFrom(
  values: CliValues,
  references: string[],
  projectId: string | undefined,
  audio?: string,
): CreateGenerationsInput {
  const params = generationParamsFrom(values);
  return given({
    params,
    count: integerOption(values, 'count'),
    // A seed the user chose is used for every variation; otherwise the schema's default (random).
    seedMode: params.seed === undefined ? undefined : ('fixed' as const),
    projectId,
    references: references.length > 0 ? references : undefined,
    // A terminal cannot show a held job: over a cap the CLI refuses and sends nothing.
    ifOverBudget: 'refuse' as const,
    confirmed: values.yes ? true : undefined,
    audio,
    lineage: values.continues ? { kind: 'continues' as const, parentId: values.continues } : undefined,
  }) as CreateGenerationsInput;
}

/**
 * Refuses out-of-range generate flags before anything is opened, in the contract's own words: the
 * same schema the core's door applies (image files stand in as placeholder ids until inspected).
 */
export function checkGenerateArguments(values: CliValues): void {
  const placeholders = (values.image ?? []).map(() => '0'.repeat(64));
  const audioFile = values.audio && !audioLink(values.audio) ? '0'.repeat(64) : undefined;
  const parsed = createGenerationsSchema.safeParse(
    createArgumentFrom(values, placeholders, undefined, audioFile),
  );
  if (!parsed.success) {
    throw new StudioError({ kind: 'invalid_request', userMessage: toContractError(parsed.error).message });
  }
}
