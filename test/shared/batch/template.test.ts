// Prompt templates: variables make every combination, inline choices are drawn from the seed, and
// the same plan always expands to the same batch (so a batch can be reproduced).
import { describe, expect, it } from 'vitest';
import { estimateBatch } from '../../../shared/batch/items';
import { batchPlanSchema, expandPlan } from '../../../shared/batch/plan';
import {
  expandTemplate,
  templateCount,
  templateProblems,
  templateSlots,
} from '../../../shared/batch/template';

describe('prompt templates', () => {
  const template = 'a {subject} in {red|amber|teal} light, {dawn|dusk}';
  const values = { subject: ['fox', 'lighthouse'] };

  it('finds variables and inline choices', () => {
    expect(templateSlots(template)).toEqual({
      variables: ['subject'],
      choices: [
        ['red', 'amber', 'teal'],
        ['dawn', 'dusk'],
      ],
    });
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const once = expandTemplate(template, values, { seed: 7, variations: 4 });
    expect(expandTemplate(template, values, { seed: 7, variations: 4 })).toEqual(once);
    expect(once).toHaveLength(8);
    expect(once.slice(0, 4).every((prompt) => prompt.startsWith('a fox in '))).toBe(true);
    expect(once.slice(4).every((prompt) => prompt.startsWith('a lighthouse in '))).toBe(true);
    for (const prompt of once)
      expect(prompt).toMatch(/^a (fox|lighthouse) in (red|amber|teal) light, (dawn|dusk)$/);
    const seeds = Array.from({ length: 10 }, (_, seed) =>
      expandTemplate(template, values, { seed, variations: 4 }).join('\n'),
    );
    expect(new Set(seeds).size).toBeGreaterThan(1);
    expect(templateCount(template, values, 4)).toBe(8);
  });

  it('names what is wrong: a missing value, an empty choice, a stray brace', () => {
    expect(templateProblems('a {subject}', {})).toEqual(['Give at least one value for {subject}']);
    expect(templateProblems('a {red||teal} car', {})).toEqual(['The choice {red||teal} has an empty option']);
    expect(templateProblems('a {two words} car', {})[0]).toContain('neither a variable name');
  });
});

describe('grid sweep', () => {
  it('expands prompts × seeds × resolution × duration × aspect ratio in a stable order, with its total', () => {
    const plan = batchPlanSchema.parse({
      template: 'a {subject} at {noon|night}',
      variables: { subject: ['fox', 'owl'] },
      seeds: [1, 2],
      resolutions: ['720p', '1080p'],
      durations: [5],
      aspectRatios: ['16:9', '1:1'],
      batchSeed: 3,
    });
    const expansion = expandPlan(plan);
    if (!expansion.ok) throw new Error(expansion.problems.join());
    expect(expansion.items).toHaveLength(2 * 2 * 2 * 2);
    expect(expansion.columns).toHaveLength(8);
    expect(expansion.columns[0]).toBe('seed 1 · 720p · 5s · 16:9');
    expect(expansion.items[0]).toMatchObject({
      row: 0,
      column: 0,
      params: { seed: 1, resolution: '720p', aspectRatio: '16:9' },
    });
    expect(expansion.items[7]).toMatchObject({
      row: 0,
      column: 7,
      params: { seed: 2, resolution: '1080p', aspectRatio: '1:1' },
    });
    expect(expandPlan(plan)).toEqual(expansion);
    // 8 × 720p/5 s ($0.40) + 8 × 1080p/5 s ($0.65)
    expect(estimateBatch(expansion.items, 5)).toEqual({
      count: 16,
      totalUsd: 8.4,
      needsConfirmation: true,
      confirmAboveUsd: 5,
    });
  });

  it('draws one video seed per prompt when none are swept, the same every time', () => {
    const plan = batchPlanSchema.parse({ template: 'rain on {glass|tin}', variations: 3, batchSeed: 9 });
    const first = expandPlan(plan);
    const again = expandPlan(plan);
    expect(first).toEqual(again);
    if (!first.ok) throw new Error('expected items');
    expect(first.items.map((item) => item.params.seed).every((seed) => Number.isInteger(seed))).toBe(true);
    expect(new Set(first.items.map((item) => item.params.seed)).size).toBe(3);
  });

  it('refuses a grid over the batch limit before making it', () => {
    const plan = batchPlanSchema.parse({
      template: '{subject}',
      variables: { subject: Array.from({ length: 50 }, (_, index) => `thing ${index}`) },
      seeds: Array.from({ length: 20 }, (_, index) => index),
    });
    expect(expandPlan(plan)).toEqual({
      ok: false,
      problems: ['This makes 1000 videos; a batch is at most 500'],
    });
  });
});
