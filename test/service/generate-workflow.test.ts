// The Generate form's memory, through the contract as every host uses it: a draft per mode that
// outlives a restart (and an old single draft migrated), the prompt history every sent prompt
// joins, and named presets — all on a real core with real files and a real library.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudioCore } from '../../main/service/types';
import type { GenerateDraft } from '../../shared/domain/generate-draft';
import { PROMPT_HISTORY_LIMIT } from '../../shared/domain/prompt-history';
import { startPlainCore } from '../helpers/core-harness';

let dir: string;
let core: StudioCore;
const start = () => startPlainCore(join(dir, 'data'), join(dir, 'library'));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-workflow-'));
  core = await start();
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const draft = (overrides: Partial<GenerateDraft>): GenerateDraft => ({
  model: 'wan-2-5',
  mode: 'text-to-video',
  prompt: '',
  negativePrompt: '',
  resolution: '720p',
  duration: 5,
  aspectRatio: '16:9',
  imageUrl: '',
  seedMode: 'random',
  seed: '',
  promptExpansion: true,
  provider: 'auto',
  count: 1,
  projectId: null,
  references: [],
  ...overrides,
});

describe('drafts, one per mode', () => {
  it('keeps each mode its own draft and the last mode active, across a restart', async () => {
    const images = ['a'.repeat(64), 'b'.repeat(64)];
    await core.api.drafts.save({ draft: draft({ prompt: 'a fox in snow', seed: '42', seedMode: 'fixed' }) });
    await core.api.drafts.save({
      draft: draft({
        mode: 'image-to-video',
        prompt: 'the fox turns',
        resolution: '1080p',
        references: images,
      }),
    });
    await core.close();
    core = await start();
    const set = await core.api.drafts.get();
    expect(set.active).toBe('image-to-video');
    expect(set.drafts['text-to-video']).toMatchObject({ prompt: 'a fox in snow', seed: '42' });
    expect(set.drafts['image-to-video']).toMatchObject({ prompt: 'the fox turns', references: images });
  });

  it('migrates the single draft older versions kept into the draft of its mode', async () => {
    await core.close();
    const { references: _dropped, ...old } = draft({ mode: 'image-to-video', prompt: 'old draft' });
    await writeFile(join(dir, 'data', 'generate-draft.json'), JSON.stringify(old));
    core = await start();
    const set = await core.api.drafts.get();
    expect(set.active).toBe('image-to-video');
    expect(set.drafts['image-to-video']?.prompt).toBe('old draft');
    expect(set.drafts['text-to-video']).toBeUndefined();
  });

  it('forgets every draft on null, and treats an unreadable file as no draft', async () => {
    await core.api.drafts.save({ draft: draft({ prompt: 'x' }) });
    await core.api.drafts.save({ draft: null });
    expect((await core.api.drafts.get()).drafts).toEqual({});
    await writeFile(join(dir, 'data', 'generate-draft.json'), '{ not json');
    expect(await core.api.drafts.get()).toEqual({ active: 'text-to-video', drafts: {} });
    await core.api.drafts.save({ draft: draft({ prompt: 'after' }) });
    expect(JSON.parse(await readFile(join(dir, 'data', 'generate-draft.json'), 'utf8')).active).toBe(
      'text-to-video',
    );
  });
});

const send = (prompt: string, negativePrompt?: string) =>
  core.api.generations.create({
    params: {
      mode: 'text-to-video',
      prompt,
      ...(negativePrompt ? { negativePrompt } : {}),
      resolution: '720p',
      duration: 5,
      aspectRatio: '16:9',
      promptExpansion: false,
      provider: 'auto',
    },
    hold: true,
  });

describe('prompt history', () => {
  it('records every sent prompt once, newest first, counting uses, and survives a restart', async () => {
    await send('a red fox running through snow');
    await send('a lighthouse at dusk', 'blurry');
    await send('  a red fox running through snow  ');
    const history = await core.api.prompts.history();
    expect(history.map((entry) => [entry.prompt, entry.uses])).toEqual([
      ['a red fox running through snow', 2],
      ['a lighthouse at dusk', 1],
    ]);
    expect(history[1]?.negativePrompt).toBe('blurry');
    await core.close();
    core = await start();
    expect(await core.api.prompts.history()).toHaveLength(2);
  });

  it('searches by every word, in any case, and removes and clears entries', async () => {
    await send('a red fox running through snow');
    await send('a lighthouse at dusk', 'blurry');
    expect((await core.api.prompts.history({ search: 'FOX snow' })).map((e) => e.prompt)).toEqual([
      'a red fox running through snow',
    ]);
    expect(await core.api.prompts.history({ search: 'blurry' })).toHaveLength(1);
    expect(await core.api.prompts.history({ search: 'fox dusk' })).toHaveLength(0);
    await core.api.prompts.remove({ prompt: 'a lighthouse at dusk' });
    expect((await core.api.prompts.history()).map((e) => e.prompt)).toEqual([
      'a red fox running through snow',
    ]);
    await core.api.prompts.clear();
    expect(await core.api.prompts.history()).toEqual([]);
  });

  it('is capped, keeping the newest', async () => {
    for (let i = 0; i <= PROMPT_HISTORY_LIMIT; i++) await send(`prompt number ${i}`);
    const history = await core.api.prompts.history({ limit: PROMPT_HISTORY_LIMIT });
    expect(history).toHaveLength(PROMPT_HISTORY_LIMIT);
    expect(history[0]?.prompt).toBe(`prompt number ${PROMPT_HISTORY_LIMIT}`);
    expect(history.some((entry) => entry.prompt === 'prompt number 0')).toBe(false);
  }, 60_000);

  it('refuses a bad query with a clear error', async () => {
    await expect(core.api.prompts.history({ limit: 0 })).rejects.toMatchObject({ kind: 'validation' });
  });
});

describe('presets', () => {
  const {
    prompt: _p,
    imageUrl: _i,
    projectId: _pr,
    references: _r,
    ...params
  } = draft({
    resolution: '1080p',
    duration: 10,
    seedMode: 'fixed',
    seed: '7',
  });

  it('saves, lists alphabetically, renames and deletes, and survives a restart', async () => {
    const night = await core.api.presets.save({ name: '  Night 1080p ', params });
    await core.api.presets.save({ name: 'Draft 480p', params: { ...params, resolution: '480p' } });
    expect(night.name).toBe('Night 1080p');
    await core.close();
    core = await start();
    expect((await core.api.presets.list()).map((preset) => preset.name)).toEqual([
      'Draft 480p',
      'Night 1080p',
    ]);
    const renamed = await core.api.presets.rename({ id: night.id, name: 'A night look' });
    expect(renamed.params).toEqual(params);
    expect((await core.api.presets.list()).map((preset) => preset.name)).toEqual([
      'A night look',
      'Draft 480p',
    ]);
    await core.api.presets.remove({ id: night.id });
    expect((await core.api.presets.list()).map((preset) => preset.name)).toEqual(['Draft 480p']);
  });

  it('refuses a taken name (any case), an empty name and a missing preset, saying why', async () => {
    const first = await core.api.presets.save({ name: 'Night', params });
    await expect(core.api.presets.save({ name: 'NIGHT', params })).rejects.toMatchObject({
      message: expect.stringContaining('"NIGHT" already exists'),
    });
    await expect(core.api.presets.save({ name: '   ', params })).rejects.toMatchObject({
      kind: 'validation',
    });
    await expect(core.api.presets.remove({ id: 'gone' })).rejects.toMatchObject({
      message: 'That preset no longer exists.',
    });
    expect(await core.api.presets.list()).toEqual([first]);
  });
});
