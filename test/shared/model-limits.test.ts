// Both models' limits, every boundary from both sides, through the one schema every host uses.
import { describe, expect, it } from 'vitest';
import { MODEL_IDS, MODELS, type ModelId } from '../../shared/domain/models';
import { type GenerationParamsInput, generationParamsSchema } from '../../shared/domain/params';
import { estimateCostUsd, priceIsKnown } from '../../shared/domain/pricing';

const IMAGE = 'https://example.com/cat.png';
const AUDIO = 'https://example.com/voice.mp3';

function check(model: ModelId, patch: Partial<GenerationParamsInput>) {
  const params = { model, mode: 'text-to-video', prompt: 'a fox', ...patch } as GenerationParamsInput;
  const parsed = generationParamsSchema.safeParse(params);
  return parsed.success ? 'ok' : parsed.error.issues.map((issue) => issue.message).join('; ');
}

const x = (n: number) => 'x'.repeat(n);

describe.each([
  // model, prompt max, negative max
  ['wan-2-5', 800, 500],
  ['wan-2-5-video', 1500, 500],
] as const)('%s text limits', (model, promptMax, negativeMax) => {
  it(`prompt: ${promptMax} passes, ${promptMax + 1} is refused`, () => {
    expect(check(model, { prompt: x(promptMax) })).toBe('ok');
    expect(check(model, { prompt: x(promptMax + 1) })).toBe(`Prompt must be at most ${promptMax} characters`);
  });
  it(`negative prompt: ${negativeMax} passes, ${negativeMax + 1} is refused`, () => {
    expect(check(model, { negativePrompt: x(negativeMax) })).toBe('ok');
    expect(check(model, { negativePrompt: x(negativeMax + 1) })).toMatch(/at most 500/);
  });
  it('text-to-video needs a prompt (whitespace is none)', () => {
    expect(check(model, { prompt: '' })).toBe('Prompt is required');
    expect(check(model, { prompt: '   ' })).toBe('Prompt is required');
    expect(check(model, { prompt: 'a' })).toBe('ok');
  });
  it('duration is 5 or 10', () => {
    expect(check(model, { duration: 5 })).toBe('ok');
    expect(check(model, { duration: 10 })).toBe('ok');
    expect(check(model, { duration: 7 as 5 })).not.toBe('ok');
  });
});

describe('prompt in image-to-video', () => {
  it('wan-2-5 needs one, wan-2-5-video does not', () => {
    const i2v = { mode: 'image-to-video', imageUrl: IMAGE, prompt: '' } as const;
    expect(check('wan-2-5', i2v)).toBe('Prompt is required');
    expect(check('wan-2-5-video', i2v)).toBe('ok');
  });
});

// Every resolution × aspect ratio for every model: accepted exactly where the table says.
const cases = MODEL_IDS.flatMap((model) =>
  (['480p', '720p', '1080p'] as const).flatMap((resolution) =>
    (['16:9', '9:16', '1:1', '4:3', '3:4'] as const).map((ratio) => {
      const caps = MODELS[model];
      const ok = caps.resolutions.includes(resolution) && caps.aspectRatios[resolution].includes(ratio);
      return [model, resolution, ratio, ok] as const;
    }),
  ),
);

describe('resolution × aspect ratio', () => {
  it.each(cases)('%s %s %s → accepted: %s', (model, resolution, aspectRatio, ok) => {
    const result = check(model, { resolution, aspectRatio });
    if (ok) expect(result).toBe('ok');
    else expect(result).toMatch(/takes (resolution|aspect ratio)/);
  });

  it('the table says what the docs say', () => {
    expect(MODELS['wan-2-5'].resolutions).toEqual(['720p', '1080p']);
    expect(MODELS['wan-2-5-video'].aspectRatios['480p']).toEqual(['16:9', '9:16', '1:1']);
    expect(MODELS['wan-2-5-video'].aspectRatios['1080p']).toEqual(['16:9', '9:16', '1:1', '4:3', '3:4']);
  });

  it('an unsupported resolution says which ones the model takes', () => {
    expect(check('wan-2-5', { resolution: '480p' })).toBe('Wan 2.5 takes resolution 720p or 1080p');
    expect(check('wan-2-5-video', { resolution: '720p', aspectRatio: '4:3' })).toBe('ok');
    expect(check('wan-2-5-video', { resolution: '480p', aspectRatio: '4:3' })).toBe(
      'Wan 2.5 Video at 480p takes aspect ratio 16:9, 9:16, 1:1',
    );
  });
});

describe('audio', () => {
  it('only wan-2-5-video takes an audio link, and it must be http(s)', () => {
    expect(check('wan-2-5-video', { audioUrl: AUDIO })).toBe('ok');
    expect(check('wan-2-5', { audioUrl: AUDIO })).toBe('Wan 2.5 takes no audio');
    expect(check('wan-2-5-video', { audioUrl: 'ftp://example.com/a.mp3' })).toBe('must be an http(s) URL');
  });

  it('the audio rules are 3–30 s, WAV/MP3, at most 15 MB', () => {
    expect(MODELS['wan-2-5-video'].audio).toEqual({
      formats: ['wav', 'mp3'],
      minSeconds: 3,
      maxSeconds: 30,
      maxBytes: 15 * 1024 * 1024,
    });
  });
});

describe('model', () => {
  it('defaults to wan-2-5 and refuses an unknown id', () => {
    const parsed = generationParamsSchema.parse({ mode: 'text-to-video', prompt: 'a fox' });
    expect(parsed.model).toBeUndefined();
    expect(check('wan-2-6' as ModelId, {})).not.toBe('ok');
  });
});

describe('prices', () => {
  it('wan-2-5 at 720p/1080p is documented; wan-2-5-video is not and estimates at the highest rate', () => {
    expect(priceIsKnown('720p', 'wan-2-5')).toBe(true);
    expect(estimateCostUsd('1080p', 10, 1, 'wan-2-5')).toBe(1.3);
    expect(priceIsKnown('720p', 'wan-2-5-video')).toBe(false);
    expect(MODELS['wan-2-5-video'].pricePerSecondUsd['480p']).toBe('unknown');
    expect(estimateCostUsd('480p', 5, 2, 'wan-2-5-video')).toBe(1.3);
  });
});
