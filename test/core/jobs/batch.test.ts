// A create request expanded into generations: counts, seeds, images and the batch id.
import { describe, expect, it } from 'vitest';
import { expandBatch } from '../../../main/core/jobs/batch';
import type { GenerationParams } from '../../../shared/domain/params';

const params: GenerationParams = {
  mode: 'text-to-video',
  prompt: 'a lighthouse at dusk',
  resolution: '1080p',
  duration: 10,
  aspectRatio: '16:9',
  promptExpansion: false,
  provider: 'auto',
};
const context = { now: 1_750_000_000_000, random: () => 0.5, requestType: 'async' as const };

describe('expandBatch', () => {
  it('one generation has no batch id and records the seed it will use', () => {
    const [only, ...rest] = expandBatch(
      { params, count: 1, seedMode: 'random', projectId: null, backend: 'apixo' },
      context,
    );
    expect(rest).toHaveLength(0);
    expect(only?.batchId).toBeNull();
    expect(only?.params.seed).toBe(Math.floor(0.5 * 2_147_483_647));
    expect(only?.estimatedCostUsd).toBe(1.3);
  });

  it('a fixed seed counts up across variations and wraps at the largest seed', () => {
    const generations = expandBatch(
      {
        params: { ...params, seed: 2_147_483_646 },
        count: 3,
        seedMode: 'fixed',
        projectId: 'p1',
        backend: 'demo',
      },
      context,
    );
    expect(generations.map((generation) => generation.params.seed)).toEqual([
      2_147_483_646, 2_147_483_647, 0,
    ]);
    expect(new Set(generations.map((generation) => generation.batchId)).size).toBe(1);
    expect(generations[0]?.batchId).toMatch(/^batch-/);
    expect(
      generations.every((generation) => generation.projectId === 'p1' && generation.backend === 'demo'),
    ).toBe(true);
  });

  it('every image makes `count` generations; hosted images leave the link to the upload', () => {
    const generations = expandBatch(
      {
        params: { ...params, mode: 'image-to-video', imageUrl: 'https://example.com/typed.jpg' },
        count: 2,
        seedMode: 'random',
        projectId: null,
        backend: 'apixo',
        images: [
          { referenceImagePath: 'references/aa/a.jpg', imageSource: 'hosted' },
          {
            referenceImagePath: 'references/bb/b.jpg',
            imageSource: 'url',
            imageUrl: 'https://example.com/b.jpg',
          },
        ],
      },
      context,
    );
    expect(generations).toHaveLength(4);
    expect(generations.slice(0, 2).every((generation) => generation.params.imageUrl === undefined)).toBe(
      true,
    );
    expect(
      generations.slice(2).every((generation) => generation.params.imageUrl === 'https://example.com/b.jpg'),
    ).toBe(true);
    expect(generations.map((generation) => generation.imageSource)).toEqual([
      'hosted',
      'hosted',
      'url',
      'url',
    ]);
  });
});
