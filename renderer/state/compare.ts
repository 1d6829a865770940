// Which videos are open side by side (Compare), and which one fills the window (the viewer).
import { create } from 'zustand';
import type { GenerationRecord } from '../../shared/contract/contract';
import { useLibrary } from './library';

export const COMPARE_MAX = 4;

interface CompareState {
  records: GenerationRecord[] | null;
  open(records: GenerationRecord[]): void;
  close(): void;
}

export const useCompare = create<CompareState>()((set) => ({
  records: null,
  open(records) {
    const playable = records.filter((record) => record.video).slice(0, COMPARE_MAX);
    if (playable.length >= 2) set({ records: playable });
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
