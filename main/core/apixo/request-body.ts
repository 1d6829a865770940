// The documented POST body for `generateTask/{model}` (wan-2-5 and wan-2-5-video take the same
// fields; wan-2-5-video adds audio_urls and may go without a prompt in image-to-video).
import { DEFAULT_PARAMS, type GenerationParams, type RequestType } from '../../../shared/domain/params';

export interface SubmitOptions {
  requestType: RequestType;
  /** Required (https) when requestType is 'callback'. */
  callbackUrl?: string;
}

/** The documented POST body for `generateTask/{model}`. */
export function toApixoBody(params: GenerationParams, options: SubmitOptions): Record<string, unknown> {
  const input: Record<string, unknown> = {
    mode: params.mode,
    resolution: params.resolution,
    duration: params.duration,
    enable_prompt_expansion: params.promptExpansion,
  };
  if (params.mode === 'text-to-video') input.aspect_ratio = params.aspectRatio ?? DEFAULT_PARAMS.aspectRatio;
  if (params.mode === 'image-to-video') {
    // A hosted reference image gets its link right before submit; sending without one would be paid for nothing.
    if (!params.imageUrl) throw new Error('image-to-video submitted without an image link');
    input.image_urls = [params.imageUrl];
  }
  if (params.prompt) input.prompt = params.prompt;
  if (params.audioUrl) input.audio_urls = [params.audioUrl];
  if (params.negativePrompt) input.negative_prompt = params.negativePrompt;
  if (params.seed !== undefined) input.seed = params.seed;
  const body: Record<string, unknown> = {
    request_type: options.requestType,
    provider: params.provider,
    input,
  };
  if (options.requestType === 'callback') body.callback_url = options.callbackUrl;
  return body;
}
