// Presets: the form's parameters saved under a name and put back on request. Applying one moves
// the form to the preset's mode (that mode's draft comes back) and model (through the same switch
// the model picker uses, so an audio the model cannot take is dropped), then sets the rest.
import { create } from 'zustand';
import type { Preset, PresetParams } from '../../shared/domain/presets';
import { studio } from '../studio';
import { switchGenerateModel, useGenerate } from './generate';
import { switchGenerateMode } from './generate-draft';

interface PresetsState {
  presets: Preset[];
  loaded: boolean;
  refresh(): Promise<void>;
  saveCurrent(name: string): Promise<Preset>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  apply(preset: Preset): void;
}

export function paramsOfForm(): PresetParams {
  const { form } = useGenerate.getState();
  return {
    model: form.model,
    mode: form.mode,
    negativePrompt: form.negativePrompt,
    resolution: form.resolution,
    duration: form.duration,
    aspectRatio: form.aspectRatio,
    seedMode: form.seedMode,
    seed: form.seed,
    promptExpansion: form.promptExpansion,
    provider: form.provider,
    count: form.count,
  };
}

export const usePresets = create<PresetsState>()((set, get) => ({
  presets: [],
  loaded: false,
  async refresh() {
    set({ presets: await studio.presets.list(), loaded: true });
  },
  async saveCurrent(name) {
    const preset = await studio.presets.save({ name, params: paramsOfForm() });
    await get().refresh();
    return preset;
  },
  async rename(id, name) {
    await studio.presets.rename({ id, name });
    await get().refresh();
  },
  async remove(id) {
    await studio.presets.remove({ id });
    await get().refresh();
  },
  apply(preset) {
    const { model, mode, ...rest } = preset.params;
    switchGenerateMode(mode);
    if (useGenerate.getState().form.model !== model) switchGenerateModel(model);
    useGenerate.getState().update(rest);
  },
}));
