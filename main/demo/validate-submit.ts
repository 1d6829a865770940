// Checks a generateTask body the way the APIXO server would, from the docs rather than from our
// client's schema (so a client bug cannot hide behind shared code). Only the limits are shared.
// The first problem found is reported, with the wire field name, like "Missing required field:
// input.prompt". Each model is checked against its own row of the capability table.
import { MODELS, type ModelId } from '../../shared/domain/models';
import {
  type GenerationParams,
  LIMITS,
  MODEL_ID,
  MODES,
  PROVIDERS,
  REQUEST_TYPES,
  type RequestType,
} from '../../shared/domain/params';

export interface ValidSubmit {
  requestType: RequestType;
  callbackUrl: string | null;
  params: GenerationParams;
}

export type SubmitValidation = { ok: true; value: ValidSubmit } | { ok: false; error: string };

type Json = Record<string, unknown>;

class Invalid extends Error {}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function validateSubmitBody(body: unknown, model: ModelId = MODEL_ID): SubmitValidation {
  try {
    return { ok: true, value: parse(body, model) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}

function parse(body: unknown, model: ModelId): ValidSubmit {
  const caps = MODELS[model];
  if (!isObject(body)) throw new Invalid('Request body must be a JSON object');
  const requestType = oneOf(body, 'request_type', REQUEST_TYPES, 'async');
  const provider = oneOf(body, 'provider', PROVIDERS, 'auto');
  const callbackUrl = requestType === 'callback' ? parseCallbackUrl(body.callback_url) : null;
  if (body.input === undefined) throw new Invalid('Missing required field: input');
  if (!isObject(body.input)) throw new Invalid('input must be an object');
  const input = body.input;

  if (input.mode === undefined) throw new Invalid('Missing required field: input.mode');
  const mode = oneOf(input, 'mode', MODES, undefined, 'input.');
  const prompt = text(input, 'prompt', 1, caps.promptMax, caps.promptRequired[mode]);
  const negativePrompt = text(input, 'negative_prompt', 0, caps.negativePromptMax, false);
  const resolution = oneOf(input, 'resolution', caps.resolutions, caps.defaults.resolution, 'input.');
  const duration = parseDuration(input.duration);
  const seed = parseSeed(input.seed);
  const promptExpansion = input.enable_prompt_expansion ?? true;
  if (typeof promptExpansion !== 'boolean')
    throw new Invalid('input.enable_prompt_expansion must be a boolean');

  const params: GenerationParams = { mode, prompt, resolution, duration, promptExpansion, provider };
  if (model !== MODEL_ID) params.model = model;
  const audioUrl = parseAudioUrls(input.audio_urls, caps.audio !== null);
  if (audioUrl) params.audioUrl = audioUrl;
  if (negativePrompt) params.negativePrompt = negativePrompt;
  if (seed !== undefined) params.seed = seed;
  if (mode === 'image-to-video') {
    if (input.aspect_ratio !== undefined) {
      throw new Invalid('input.aspect_ratio is not supported for image-to-video (the image sets it)');
    }
    params.imageUrl = parseImageUrls(input.image_urls);
  } else {
    params.aspectRatio = parseAspectRatio(
      input,
      resolution,
      caps.aspectRatios[resolution],
      caps.defaults.aspectRatio,
    );
    const urls = input.image_urls;
    if (urls !== undefined && !(Array.isArray(urls) && urls.length === 0)) {
      throw new Invalid('input.image_urls is not allowed for text-to-video');
    }
  }
  return { requestType, callbackUrl, params };
}

function oneOf<const T extends readonly string[]>(
  object: Json,
  key: string,
  allowed: T,
  fallback: T[number] | undefined,
  prefix = '',
): T[number] {
  const value = object[key];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value;
  throw new Invalid(`${prefix}${key} must be one of: ${allowed.join(', ')}`);
}

function text(input: Json, key: string, min: number, max: number, required: boolean): string {
  const value = input[key];
  if (value === undefined || value === null) {
    if (required) throw new Invalid(`Missing required field: input.${key}`);
    return '';
  }
  if (typeof value !== 'string') throw new Invalid(`input.${key} must be a string`);
  if (value.trim().length < min) throw new Invalid(`input.${key} must not be empty`);
  if (value.length > max) throw new Invalid(`input.${key} must be at most ${max} characters`);
  return value;
}

function parseDuration(value: unknown): 5 | 10 {
  if (value === undefined) return 5;
  // Sent as a string on the oldest docs page; the current examples send an integer, so we insist.
  if (value === 5 || value === 10) return value;
  throw new Invalid('input.duration must be the integer 5 or 10');
}

function parseSeed(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > LIMITS.seedMax) {
    throw new Invalid(`input.seed must be an integer between 0 and ${LIMITS.seedMax}`);
  }
  return value;
}

function parseImageUrls(value: unknown): string {
  if (value === undefined) throw new Invalid('Missing required field: input.image_urls');
  if (!Array.isArray(value) || value.length !== 1) {
    throw new Invalid('input.image_urls must contain exactly 1 URL for image-to-video');
  }
  const url = value[0];
  if (typeof url !== 'string' || !isUrlWith(url, ['http:', 'https:'])) {
    throw new Invalid('input.image_urls[0] must be an http(s) URL');
  }
  return url;
}

function parseAspectRatio<const T extends string>(
  input: Json,
  resolution: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = input.aspect_ratio;
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new Invalid(`input.aspect_ratio must be one of: ${allowed.join(', ')} at ${resolution}`);
}

/** audio_urls: absent, or exactly one http(s) URL, and only for models that take audio. */
function parseAudioUrls(value: unknown, accepted: boolean): string | undefined {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return undefined;
  if (!accepted) throw new Invalid('input.audio_urls is not supported by this model');
  if (!Array.isArray(value) || value.length !== 1) {
    throw new Invalid('input.audio_urls must contain exactly 1 URL');
  }
  const url = value[0];
  if (typeof url !== 'string' || !isUrlWith(url, ['http:', 'https:'])) {
    throw new Invalid('input.audio_urls[0] must be an http(s) URL');
  }
  return url;
}

function parseCallbackUrl(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    throw new Invalid('Missing required field: callback_url (required when request_type is callback)');
  }
  if (typeof value !== 'string') throw new Invalid('callback_url must be a string');
  // The real service demands a public https URL; plain http is let through for loopback so tests
  // can receive callbacks without certificates.
  if (isUrlWith(value, ['https:'])) return value;
  if (isUrlWith(value, ['http:']) && LOOPBACK_HOSTS.has(new URL(value).hostname)) return value;
  throw new Invalid('callback_url must be a publicly accessible HTTPS URL');
}

function isUrlWith(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
