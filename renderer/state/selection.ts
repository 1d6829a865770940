// The library's multi-selection, the way file browsers do it: a click selects one, Ctrl/Cmd+click
// adds or removes one, Shift+click selects the range from the last clicked card, Ctrl/Cmd+A selects
// every match of the current filter (loaded or not, up to MAX_SELECTION). Records are kept (not only
// ids) so the bulk bar and Compare still have them when the grid has evicted their page; matches
// never loaded are kept by id.
import { create } from 'zustand';
import type { GenerationRecord } from '../../shared/contract/contract';
import { MAX_SELECTION } from '../../shared/contract/selection-limit';
import type { MatchingIds } from '../../shared/domain/records';

export interface ClickModifiers {
  shift: boolean;
  toggle: boolean;
}

interface SelectionState {
  selected: Map<string, GenerationRecord>;
  /** Selected by "select all" but not loaded in the grid: only their ids are known. */
  unloaded: ReadonlySet<string>;
  /** Select-all found more matches than it may select: how many (a lower bound when atLeast). */
  cappedTotal: { count: number; atLeast: boolean } | null;
  /** Grid index of the last plain or toggle click: where a Shift+click range starts. */
  anchor: number | null;
  /** A click would have passed MAX_SELECTION (one bulk call's most): it stopped there. */
  atLimit: boolean;
  click(
    record: GenerationRecord,
    index: number,
    mods: ClickModifiers,
    recordAt: (i: number) => GenerationRecord | undefined,
  ): void;
  /** Every match: the loaded records, and the ids of the rest (`matches`, in the grid's order). */
  selectAll(records: GenerationRecord[], matches?: MatchingIds): void;
  clear(): void;
  /** Keeps the kept records current after an edit, and drops removed ones. */
  update(record: GenerationRecord): void;
  drop(ids: readonly string[]): void;
}

const NOTHING_UNLOADED = { unloaded: new Set<string>(), cappedTotal: null };

export const useSelection = create<SelectionState>()((set, get) => ({
  selected: new Map(),
  unloaded: new Set(),
  cappedTotal: null,
  anchor: null,
  atLimit: false,
  click(record, index, mods, recordAt) {
    const { selected, anchor } = get();
    if (mods.shift && anchor !== null) {
      const next = mods.toggle ? new Map(selected) : new Map<string, GenerationRecord>();
      const room = MAX_SELECTION - (mods.toggle ? get().unloaded.size : 0);
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
      let atLimit = false;
      for (let i = from; i <= to; i++) {
        const item = recordAt(i);
        if (!item || next.has(item.id)) continue;
        if (next.size >= room) {
          atLimit = true;
          break;
        }
        next.set(item.id, item);
      }
      set({ selected: next, atLimit, ...(mods.toggle ? {} : NOTHING_UNLOADED) });
      return;
    }
    if (mods.toggle) {
      const next = new Map(selected);
      const unloaded = new Set(get().unloaded);
      if (next.has(record.id) || unloaded.has(record.id)) {
        next.delete(record.id);
        unloaded.delete(record.id);
      } else if (next.size + unloaded.size >= MAX_SELECTION) {
        set({ atLimit: true });
        return;
      } else next.set(record.id, record);
      set({ selected: next, unloaded, anchor: index, atLimit: false });
      return;
    }
    set({ selected: new Map([[record.id, record]]), anchor: index, atLimit: false, ...NOTHING_UNLOADED });
  },
  selectAll(records, matches) {
    if (!matches) {
      set({
        selected: new Map(records.slice(0, MAX_SELECTION).map((record) => [record.id, record])),
        unloaded: new Set(),
        cappedTotal: null,
        atLimit: records.length > MAX_SELECTION,
      });
      return;
    }
    const wanted = new Set(matches.ids);
    const selected = new Map(
      records.filter((record) => wanted.has(record.id)).map((record) => [record.id, record]),
    );
    const unloaded = new Set(matches.ids.filter((id) => !selected.has(id)));
    const capped = matches.total > matches.ids.length;
    set({
      selected,
      unloaded,
      cappedTotal: capped ? { count: matches.total, atLeast: matches.totalCapped === true } : null,
    });
  },
  clear() {
    const { selected, unloaded, anchor } = get();
    if (selected.size > 0 || unloaded.size > 0 || anchor !== null)
      set({ selected: new Map(), unloaded: new Set(), cappedTotal: null, anchor: null, atLimit: false });
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
    const unloaded = new Set(get().unloaded);
    for (const id of ids) {
      next.delete(id);
      unloaded.delete(id);
    }
    set({ selected: next, unloaded });
  },
}));

export function selectedRecords(): GenerationRecord[] {
  return [...useSelection.getState().selected.values()];
}

/** How many are selected, loaded or not. */
export function selectionSize(state: Pick<SelectionState, 'selected' | 'unloaded'>): number {
  return state.selected.size + state.unloaded.size;
}

/** Every selected id, loaded or not. */
export function selectedIds(): string[] {
  const { selected, unloaded } = useSelection.getState();
  return [...selected.keys(), ...unloaded];
}
