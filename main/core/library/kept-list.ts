// A list the library keeps in its settings table (presets, the prompt history), read entry by
// entry. An entry this version cannot read — written by a newer Wan Studio sharing the library, or
// edited by hand — is kept as it is on every write, never dropped: reading the whole list as one
// value used to turn one such entry into an empty list, and the next save into a wiped one.
import type { z } from 'zod';
import type { LibraryStore } from './types';

type Settings = Pick<LibraryStore, 'getSetting' | 'setSetting'>;

export interface KeptList<T> {
  read(): T[];
  /** Stores `items`, followed by the entries read earlier that this version could not understand. */
  write(items: readonly T[]): void;
}

export function keptList<T>(settings: Settings, key: string, entry: z.ZodType<T>): KeptList<T> {
  const load = () => {
    const raw = settings.getSetting<unknown>(key);
    const values = Array.isArray(raw) ? raw : [];
    const items: T[] = [];
    const foreign: unknown[] = [];
    for (const value of values) {
      const parsed = entry.safeParse(value);
      if (parsed.success) items.push(parsed.data);
      else foreign.push(value);
    }
    // Not a list at all: kept aside under its own key before anything is written over it.
    return { items, foreign, unreadable: raw !== undefined && !Array.isArray(raw) ? raw : undefined };
  };
  return {
    read: () => load().items,
    write(items) {
      const { foreign, unreadable } = load();
      if (unreadable !== undefined) settings.setSetting(`${key}.unreadable`, unreadable);
      settings.setSetting(key, [...items, ...foreign]);
    },
  };
}
