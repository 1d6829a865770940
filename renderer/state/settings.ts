// The user's settings as main stores them. Changes go to main and come back as the new value
// (and as 'settings.updated' for other windows), so this never drifts from the truth.
import { create } from 'zustand';
import type { Settings } from '../../shared/contract/contract';
import { studio } from '../studio';

interface SettingsState {
  settings: Settings | null;
  update(patch: Partial<Settings>): Promise<Settings>;
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  async update(patch) {
    const settings = await studio.settings.update(patch);
    set({ settings });
    return settings;
  },
}));
