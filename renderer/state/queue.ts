// The queue: every generation main is still working on, the recently finished ones, and live
// download progress. Updates arrive as whole records, so applying one is a replace, never a merge.
import { create } from 'zustand';
import type { DownloadProgressEvent, GenerationRecord, QueueSnapshot } from '../../shared/contract/contract';
import { isTerminal } from '../../shared/domain/states';

const RECENT_CAP = 50;

interface QueueState {
  loaded: boolean;
  active: GenerationRecord[];
  recent: GenerationRecord[];
  expectedMs: Record<string, number>;
  progress: Record<string, DownloadProgressEvent>;
  applySnapshot(snapshot: QueueSnapshot): void;
  applyUpdate(record: GenerationRecord): void;
  applyProgress(event: DownloadProgressEvent): void;
}

function upsert(list: GenerationRecord[], record: GenerationRecord, atStart: boolean): GenerationRecord[] {
  const index = list.findIndex((item) => item.id === record.id);
  if (index >= 0) return list.map((item, i) => (i === index ? record : item));
  return atStart ? [record, ...list] : [...list, record];
}

export const useQueue = create<QueueState>()((set, get) => ({
  loaded: false,
  active: [],
  recent: [],
  expectedMs: {},
  progress: {},
  applySnapshot(snapshot) {
    set({ loaded: true, active: snapshot.active, recent: snapshot.recent, expectedMs: snapshot.expectedMs });
  },
  applyUpdate(record) {
    const { active, recent, progress } = get();
    const withoutActive = active.filter((item) => item.id !== record.id);
    if (record.deletedAt !== null) {
      set({ active: withoutActive, recent: recent.filter((item) => item.id !== record.id) });
      return;
    }
    if (!isTerminal(record.state)) {
      set({ active: upsert(active, record, false), recent: recent.filter((item) => item.id !== record.id) });
      return;
    }
    const { [record.id]: _finished, ...stillDownloading } = progress;
    set({
      active: withoutActive,
      recent: upsert(recent, record, true).slice(0, RECENT_CAP),
      progress: stillDownloading,
    });
  },
  applyProgress(event) {
    set({ progress: { ...get().progress, [event.id]: event } });
  },
}));

export function expectedKey(record: GenerationRecord): string {
  return `${record.params.resolution}/${record.params.duration}`;
}
