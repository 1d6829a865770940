// Saving one setting from any Settings section: main's answer comes back through the store, and a
// refusal is shown as a toast.
import { attempt } from '../../lib/notify';
import { type SettingsPatch, useSettings } from '../../state/settings';

export function useSaveSetting(): (patch: SettingsPatch) => void {
  return (patch) => void attempt(() => useSettings.getState().update(patch));
}
