// "Rebuild library from folder": the one call, its progress events, and what it brought back.
// Used by Settings → Library and by the "library not found / damaged" screen.
import { create } from 'zustand';
import type { RebuildSummary } from '../../shared/contract/contract';
import { studio } from '../studio';
import { useApp } from './app';

interface RebuildState {
  running: boolean;
  progress: { done: number; total: number } | null;
  result: RebuildSummary | null;
  error: unknown;
  /** Rebuilds the database from the library folder; the app's info is refreshed when it is done. */
  start(): Promise<RebuildSummary | null>;
  reset(): void;
}

export const useRebuild = create<RebuildState>()((set, get) => ({
  running: false,
  progress: null,
  result: null,
  error: null,
  async start() {
    if (get().running) return null;
    set({ running: true, progress: null, result: null, error: null });
    const off = studio.on('library.rebuildProgress', (progress) => set({ progress }));
    try {
      const result = await studio.library.rebuild();
      set({ result });
      useApp.setState({ info: await studio.app.info() });
      return result;
    } catch (error) {
      set({ error });
      return null;
    } finally {
      off();
      set({ running: false });
    }
  },
  reset: () => set({ progress: null, result: null, error: null }),
}));
