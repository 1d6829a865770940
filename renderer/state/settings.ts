// The user's settings as main stores them. Changes go to main and come back as the new value
// (and as 'settings.updated' for other windows), so this never drifts from the truth.
// Updates run one at a time and a patch may be a function of the settings as they are when its
// turn comes: two quick saves to the same group (image hosting's fields) then build on each
// other instead of the second sending the stale group and undoing the first.
import { create } from 'zustand';
import type { Settings } from '../../shared/contract/contract';
import { studio } from '../studio';

export type SettingsPatch = Partial<Settings> | ((current: Settings) => Partial<Settings>);

interface SettingsState {
  settings: Settings | null;
  update(patch: SettingsPatch): Promise<Settings>;
}

let queue: Promise<unknown> = Promise.resolve();

export const useSettings = create<SettingsState>()((set, get) => ({
  settings: null,
  update(patch) {
    const run = async (): Promise<Settings> => {
      const current = get().settings;
      const resolved = typeof patch === 'function' ? (current ? patch(current) : null) : patch;
      if (!resolved) throw new Error('Settings are not loaded yet');
      const settings = await studio.settings.update(resolved);
      set({ settings });
      return settings;
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  },
}));
