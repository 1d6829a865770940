// Saving one setting from any Settings section: main's answer comes back through the store, and a
// refusal is shown as a toast.
import type { Settings } from '../../../shared/contract/contract';
import { attempt } from '../../lib/notify';
import { useSettings } from '../../state/settings';

export function useSaveSetting(): (patch: Partial<Settings>) => void {
  return (patch) => void attempt(() => useSettings.getState().update(patch));
}
