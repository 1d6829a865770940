// The Trash view's state: what the trash holds (newest deletion first is the order the library
// gives), the space it takes, and restore / delete forever / empty trash.
import { create } from 'zustand';
import type { ContractError, GenerationRecord } from '../../shared/contract/contract';
import i18n from '../i18n';
import { formatBytes } from '../lib/format';
import { attempt } from '../lib/notify';
import { studio } from '../studio';
import { useLibrary } from './library';
import { useToasts } from './toasts';

const PAGE = 200;
const t = i18n.t.bind(i18n);

interface TrashState {
  items: GenerationRecord[];
  nextCursor: string | null;
  usage: { count: number; bytes: number } | null;
  loading: boolean;
  error: ContractError | null;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  refreshUsage(): Promise<void>;
  restore(ids: string[]): Promise<void>;
  purge(ids: string[]): Promise<void>;
  empty(): Promise<void>;
}

export const useTrash = create<TrashState>()((set, get) => {
  function forget(ids: readonly string[]): void {
    const gone = new Set(ids);
    set({ items: get().items.filter((item) => !gone.has(item.id)) });
  }

  function reportFreed(deleted: number, freedBytes: number): void {
    useToasts.getState().show({
      tone: 'success',
      title: t('trash.deletedForever', { count: deleted }),
      detail: t('trash.freed', { size: formatBytes(freedBytes) }),
    });
  }

  return {
    items: [],
    nextCursor: null,
    usage: null,
    loading: false,
    error: null,
    async load() {
      set({ loading: true, error: null });
      try {
        const [page, usage] = await Promise.all([
          studio.library.query({ trashed: true, limit: PAGE }),
          studio.library.trashUsage(),
        ]);
        set({ items: page.items, nextCursor: page.nextCursor, usage, loading: false });
      } catch (error) {
        set({ error: error as ContractError, loading: false });
      }
    },
    async loadMore() {
      const cursor = get().nextCursor;
      if (!cursor || get().loading) return;
      set({ loading: true });
      const page = await attempt(() => studio.library.query({ trashed: true, limit: PAGE, cursor }));
      set({
        loading: false,
        ...(page ? { items: [...get().items, ...page.items], nextCursor: page.nextCursor } : {}),
      });
    },
    async refreshUsage() {
      const usage = await attempt(() => studio.library.trashUsage());
      if (usage) set({ usage });
    },
    async restore(ids) {
      const result = await attempt(() => studio.library.restoreMany({ ids }));
      if (!result) return;
      forget(result.done);
      useLibrary.getState().refreshHeadSoon();
      useToasts
        .getState()
        .show({ tone: 'success', title: t('library.restoredCount', { count: result.done.length }) });
      await get().refreshUsage();
    },
    async purge(ids) {
      const result = await attempt(() => studio.library.purge({ ids }));
      if (!result) return;
      forget(ids);
      reportFreed(result.deleted, result.freedBytes);
      await get().refreshUsage();
    },
    async empty() {
      const result = await attempt(() => studio.library.emptyTrash());
      if (!result) return;
      set({ items: [], nextCursor: null });
      reportFreed(result.deleted, result.freedBytes);
      await get().refreshUsage();
    },
  };
});
