// The lineage of the open generation (where it came from, what was made from it), loaded when the
// detail panel shows it and opened from there: an entry becomes the selected (and viewed) item.
import { create } from 'zustand';
import type { GenerationRecord } from '../../shared/contract/contract';
import type { Lineage } from '../../shared/domain/lineage';
import { asContractError } from '../lib/errors';
import { studio } from '../studio';
import { useViewer } from './compare';
import { useLibrary } from './library';

interface LineageState {
  /** Whose lineage `lineage` is. */
  id: string | null;
  lineage: Lineage | null;
  error: string | null;
  load(id: string): Promise<void>;
}

export const useLineage = create<LineageState>()((set, get) => ({
  id: null,
  lineage: null,
  error: null,
  async load(id) {
    if (get().id !== id) set({ id, lineage: null, error: null });
    try {
      const lineage = await studio.library.lineage({ id });
      if (get().id === id) set({ lineage, error: null });
    } catch (error) {
      if (get().id === id) set({ error: asContractError(error).message });
    }
  },
}));

/** Opens a related generation: its details (and the viewer, when that is where the user is). */
export function openRelated(record: GenerationRecord): void {
  useLibrary.getState().select(record);
  const viewer = useViewer.getState();
  if (viewer.record && record.video) viewer.open(record);
}
