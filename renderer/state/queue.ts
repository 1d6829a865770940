// The queue: every generation main is still working on, the recently finished ones, and live
// download progress. Updates arrive as whole records, so applying one is a replace, never a merge.
import { create } from 'zustand';
import type { DownloadProgressEvent, GenerationRecord, QueueSnapshot } from '../../shared/contract/contract';
import { finishedAt } from '../../shared/domain/records';
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
  /** Many updates in one store change (one render), as wire-events batches them. */
  applyUpdates(records: GenerationRecord[]): void;
  /** The settings' recentClearedAt: what finished at or before it stays out of `recent`. */
  clearedAt: number;
  /** Hides what finished at or before `clearedAt` (the user cleared the list; nothing is deleted). */
  applyClearedAt(clearedAt: number): void;
  applyProgress(event: DownloadProgressEvent): void;
  applyProgresses(events: DownloadProgressEvent[]): void;
}

function upsert(list: GenerationRecord[], record: GenerationRecord, atStart: boolean): GenerationRecord[] {
  const index = list.findIndex((item) => item.id === record.id);
  if (index >= 0) return list.map((item, i) => (i === index ? record : item));
  return atStart ? [record, ...list] : [...list, record];
}

/** The list without `id`; the same array when it was not there, so nothing re-renders for nothing. */
function without(list: GenerationRecord[], id: string): GenerationRecord[] {
  return list.some((item) => item.id === id) ? list.filter((item) => item.id !== id) : list;
}

export const useQueue = create<QueueState>()((set, get) => ({
  loaded: false,
  active: [],
  recent: [],
  clearedAt: 0,
  expectedMs: {},
  progress: {},
  applySnapshot(snapshot) {
    set({ loaded: true, active: snapshot.active, recent: snapshot.recent, expectedMs: snapshot.expectedMs });
  },
  applyUpdate(record) {
    get().applyUpdates([record]);
  },
  applyUpdates(records) {
    let { active, recent, progress } = get();
    for (const record of records) {
      if (record.deletedAt !== null) {
        active = without(active, record.id);
        recent = without(recent, record.id);
      } else if (!isTerminal(record.state)) {
        active = upsert(active, record, false);
        recent = without(recent, record.id);
      } else {
        active = without(active, record.id);
        // A change to something that finished before the list was cleared (a favourite, a tag)
        // does not bring it back.
        if (finishedAt(record) > get().clearedAt) recent = upsert(recent, record, true).slice(0, RECENT_CAP);
        else recent = without(recent, record.id);
        if (record.id in progress) {
          const { [record.id]: _finished, ...stillDownloading } = progress;
          progress = stillDownloading;
        }
      }
    }
    set({ active, recent, progress });
  },
  applyClearedAt(clearedAt) {
    const { recent } = get();
    const kept = recent.filter((record) => finishedAt(record) > clearedAt);
    set(kept.length !== recent.length ? { clearedAt, recent: kept } : { clearedAt });
  },
  applyProgress(event) {
    get().applyProgresses([event]);
  },
  applyProgresses(events) {
    const progress = { ...get().progress };
    for (const event of events) progress[event.id] = event;
    set({ progress });
  },
}));

export function expectedKey(record: GenerationRecord): string {
  return `${record.params.resolution}/${record.params.duration}`;
}
