// The library's multi-selection, the way file browsers do it: a click selects one, Ctrl/Cmd+click
// adds or removes one, Shift+click selects the range from the last clicked card, Ctrl/Cmd+A selects
// every loaded card. Records are kept (not only ids) so the bulk bar and Compare still have them when
// the grid has evicted their page.
import { create } from 'zustand';
import type { GenerationRecord } from '../../shared/contract/contract';

export interface ClickModifiers {
  shift: boolean;
  toggle: boolean;
}

interface SelectionState {
  selected: Map<string, GenerationRecord>;
  /** Grid index of the last plain or toggle click: where a Shift+click range starts. */
  anchor: number | null;
  click(
    record: GenerationRecord,
    index: number,
    mods: ClickModifiers,
    recordAt: (i: number) => GenerationRecord | undefined,
  ): void;
  selectAll(records: GenerationRecord[]): void;
  clear(): void;
  /** Keeps the kept records current after an edit, and drops removed ones. */
  update(record: GenerationRecord): void;
  drop(ids: readonly string[]): void;
}

export const useSelection = create<SelectionState>()((set, get) => ({
  selected: new Map(),
  anchor: null,
  click(record, index, mods, recordAt) {
    const { selected, anchor } = get();
    if (mods.shift && anchor !== null) {
      const next = mods.toggle ? new Map(selected) : new Map<string, GenerationRecord>();
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
      for (let i = from; i <= to; i++) {
        const item = recordAt(i);
        if (item) next.set(item.id, item);
      }
      set({ selected: next });
      return;
    }
    if (mods.toggle) {
      const next = new Map(selected);
      if (next.has(record.id)) next.delete(record.id);
      else next.set(record.id, record);
      set({ selected: next, anchor: index });
      return;
    }
    set({ selected: new Map([[record.id, record]]), anchor: index });
  },
  selectAll(records) {
    set({ selected: new Map(records.map((record) => [record.id, record])) });
  },
  clear() {
    if (get().selected.size > 0 || get().anchor !== null) set({ selected: new Map(), anchor: null });
  },
  update(record) {
    const { selected } = get();
    if (!selected.has(record.id)) return;
    const next = new Map(selected);
    if (record.deletedAt !== null) next.delete(record.id);
    else next.set(record.id, record);
    set({ selected: next });
  },
  drop(ids) {
    const next = new Map(get().selected);
    for (const id of ids) next.delete(id);
    set({ selected: next });
  },
}));

export function selectedRecords(): GenerationRecord[] {
  return [...useSelection.getState().selected.values()];
}
