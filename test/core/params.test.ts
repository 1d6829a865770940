import { describe, expect, it } from 'vitest';
import { toApixoBody } from '../../main/core/apixo/request-body';
import { generationParamsSchema } from '../../shared/domain/params';

describe('generation params', () => {
  it('accepts a documented text-to-video request and maps it to the APIXO body', () => {
    const params = generationParamsSchema.parse({
      mode: 'text-to-video',
      prompt: 'clouds drifting over mountains',
      resolution: '1080p',
      duration: 10,
      aspectRatio: '16:9',
      seed: 42,
    });
    expect(toApixoBody(params, { requestType: 'async' })).toEqual({
      request_type: 'async',
      provider: 'auto',
      input: {
        mode: 'text-to-video',
        prompt: 'clouds drifting over mountains',
        resolution: '1080p',
        duration: 10,
        aspect_ratio: '16:9',
        seed: 42,
        enable_prompt_expansion: true,
      },
    });
  });
});
