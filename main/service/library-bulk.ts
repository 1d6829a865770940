// Library actions on a selection: each id is tried on its own, so one refused item (a generation
// still running, one already gone) is reported and the rest still happen.
import type { BulkResult } from '../../shared/contract/contract';
import { isStudioError } from '../core/errors';
import type { LibraryStore } from '../core/library/types';

export function eachId(ids: readonly string[], act: (id: string) => void): BulkResult {
  const result: BulkResult = { done: [], skipped: [] };
  for (const id of new Set(ids)) {
    try {
      act(id);
      result.done.push(id);
    } catch (error) {
      if (!isStudioError(error)) throw error;
      result.skipped.push({ id, reason: error.userMessage });
    }
  }
  return result;
}

export function trashMany(library: LibraryStore, ids: readonly string[]): BulkResult {
  return eachId(ids, (id) => library.trash(id));
}

export function restoreMany(library: LibraryStore, ids: readonly string[]): BulkResult {
  return eachId(ids, (id) => library.restore(id));
}
