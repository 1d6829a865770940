// Presets and the prompt history read entry by entry: an entry a newer Wan Studio wrote into a
// shared library (a model this version does not know) is neither listed nor lost, and a stored value
// that is not a list at all is kept aside before anything is written over it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library/library';
import { listPresets, removePreset, savePreset } from '../../../main/core/library/presets';
import { listPrompts, recordPrompt } from '../../../main/core/library/prompt-history';
import type { LibraryStore } from '../../../main/core/library/types';
import { NIGHT_PRESET } from '../../helpers/preset-params';

let dir = '';
let library: LibraryStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wan-kept-list-'));
  library = openLibrary({ root: join(dir, 'library') });
});
afterEach(() => {
  library.close();
  rmSync(dir, { recursive: true, force: true });
});

const params = NIGHT_PRESET;
const fromNewerVersion = {
  id: '01JNEWER000000000000000000',
  name: 'Wan 3 look',
  params: { ...params, model: 'wan-3-0' },
  createdAt: 1,
  updatedAt: 1,
};

it('keeps a preset it cannot read through every save and delete, listing only the readable ones', () => {
  const a = savePreset(library, 'A', params, 10);
  savePreset(library, 'B', params, 11);
  library.setSetting('generate-presets', [
    ...(library.getSetting<unknown[]>('generate-presets') ?? []),
    fromNewerVersion,
  ]);

  expect(listPresets(library).map((preset) => preset.name)).toEqual(['A', 'B']);
  savePreset(library, 'C', params, 12);
  removePreset(library, a.id);
  expect(listPresets(library).map((preset) => preset.name)).toEqual(['B', 'C']);
  expect(library.getSetting<unknown[]>('generate-presets')).toContainEqual(fromNewerVersion);
});

it('keeps prompt history entries it cannot read, and a stored value that is not a list', () => {
  recordPrompt(library, {
    prompt: 'a lighthouse',
    lastUsedAt: 5,
    model: 'wan-2-5',
    mode: 'text-to-video',
    negativePrompt: '',
  });
  const foreign = { prompt: 'from a newer version', lastUsedAt: 6, uses: 1, mood: 'calm', model: 'wan-3-0' };
  library.setSetting('prompt-history', [...(library.getSetting<unknown[]>('prompt-history') ?? []), foreign]);
  recordPrompt(library, {
    prompt: 'gulls at dawn',
    lastUsedAt: 7,
    model: 'wan-2-5',
    mode: 'text-to-video',
    negativePrompt: '',
  });
  expect(listPrompts(library, '', 10).map((entry) => entry.prompt)).toEqual([
    'gulls at dawn',
    'a lighthouse',
  ]);
  expect(library.getSetting<unknown[]>('prompt-history')).toContainEqual(foreign);

  library.setSetting('prompt-history', { damaged: true });
  expect(listPrompts(library, '', 10)).toEqual([]);
  recordPrompt(library, {
    prompt: 'after the damage',
    lastUsedAt: 8,
    model: 'wan-2-5',
    mode: 'text-to-video',
    negativePrompt: '',
  });
  expect(library.getSetting('prompt-history.unreadable')).toEqual({ damaged: true });
  expect(listPrompts(library, '', 10).map((entry) => entry.prompt)).toEqual(['after the damage']);
});
