// Which videos are open side by side (Compare), and which one fills the window (the viewer).
import { create } from 'zustand';
import type { GenerationRecord } from '../../shared/contract/contract';
import { attempt } from '../lib/notify';
import { studio } from '../studio';
import { useLibrary } from './library';

export const COMPARE_MAX = 4;
/** A batch opens as one grid of its variations, up to 3 × 3. */
export const BATCH_GRID_MAX = 9;

interface CompareState {
  records: GenerationRecord[] | null;
  open(records: GenerationRecord[], max?: number): void;
  /** All finished variations of a batch, as a grid. */
  openBatch(batchId: string): Promise<void>;
  close(): void;
}

export const useCompare = create<CompareState>()((set, get) => ({
  records: null,
  open(records, max = COMPARE_MAX) {
    const playable = records.filter((record) => record.video).slice(0, max);
    if (playable.length >= 2) set({ records: playable });
  },
  async openBatch(batchId) {
    const page = await attempt(() =>
      studio.library.query({ batchId, states: ['done'], sort: 'created_asc', limit: 20 }),
    );
    if (page) get().open(page.items, BATCH_GRID_MAX);
  },
  close() {
    set({ records: null });
  },
}));

interface ViewerState {
  /** The video filling the window; ←/→ walk the library grid from it. */
  record: GenerationRecord | null;
  open(record: GenerationRecord): void;
  close(): void;
}

export const useViewer = create<ViewerState>()((set) => ({
  record: null,
  open(record) {
    set({ record });
  },
  close() {
    set({ record: null });
  },
}));

/** The loaded grid item `delta` places from `record` (the viewer's ←/→), or null at either end. */
export function neighbour(record: GenerationRecord, delta: number): GenerationRecord | null {
  const loaded = useLibrary.getState().list.pages.flatMap((page) => page.items ?? []);
  const index = loaded.findIndex((item) => item.id === record.id);
  if (index < 0) return null;
  return loaded[index + delta] ?? null;
}
