// Named Generate parameter sets, kept in the library's settings table beside the prompt history.
// Names are unique regardless of case; every refusal says which name and why.
import {
  PRESET_LIMIT,
  type Preset,
  type PresetParams,
  presetSchema,
  sameName,
  sortPresets,
} from '../../../shared/domain/presets';
import { StudioError } from '../errors';
import { newId } from './ids';
import { keptList } from './kept-list';
import type { LibraryStore } from './types';

const KEY = 'generate-presets';

type Settings = Pick<LibraryStore, 'getSetting' | 'setSetting'>;

const stored = (settings: Settings) => keptList(settings, KEY, presetSchema);

function readAll(settings: Settings): Preset[] {
  return stored(settings).read();
}

function write(settings: Settings, list: Preset[]): void {
  stored(settings).write(sortPresets(list));
}

function refuse(userMessage: string): never {
  throw new StudioError({ kind: 'invalid_request', userMessage });
}

function assertFreeName(list: Preset[], name: string, except?: string): void {
  if (list.some((preset) => preset.id !== except && sameName(preset.name, name)))
    refuse(`A preset called "${name}" already exists. Choose another name.`);
}

function find(list: Preset[], id: string): Preset {
  return list.find((preset) => preset.id === id) ?? refuse('That preset no longer exists.');
}

export function listPresets(settings: Settings): Preset[] {
  return sortPresets(readAll(settings));
}

export function savePreset(settings: Settings, name: string, params: PresetParams, now: number): Preset {
  const list = readAll(settings);
  assertFreeName(list, name);
  if (list.length >= PRESET_LIMIT)
    refuse(`There are already ${PRESET_LIMIT} presets. Delete one to save another.`);
  const preset: Preset = { id: newId(now), name: name.trim(), params, createdAt: now, updatedAt: now };
  write(settings, [...list, preset]);
  return preset;
}

export function renamePreset(settings: Settings, id: string, name: string, now: number): Preset {
  const list = readAll(settings);
  const preset = find(list, id);
  assertFreeName(list, name, id);
  const renamed = { ...preset, name: name.trim(), updatedAt: now };
  write(
    settings,
    list.map((item) => (item.id === id ? renamed : item)),
  );
  return renamed;
}

export function removePreset(settings: Settings, id: string): void {
  const list = readAll(settings);
  find(list, id);
  write(
    settings,
    list.filter((item) => item.id !== id),
  );
}
