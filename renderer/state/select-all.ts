// Ctrl/Cmd+A in the library: every match of the current filter, not only the cards loaded so far.
// Main answers with the ids (up to MAX_SELECTION, the most one bulk call takes) and the number of
// matches; above the cap the bulk bar says that only the first MAX_SELECTION are selected.

import { attempt } from '../lib/notify';
import { studio } from '../studio';
import { useLibrary } from './library';
import { toQuery } from './library-filters';
import { useSelection } from './selection';

export async function selectAllMatches(): Promise<void> {
  const { filters, list } = useLibrary.getState();
  const loaded = list.pages.flatMap((page) => page.items ?? []);
  // Select what is on screen at once; the rest follows main's answer.
  useSelection.getState().selectAll(loaded);
  const matches = await attempt(() => studio.library.matchingIds(toQuery(filters)));
  // The filter changed while we asked: this answer is for another list.
  if (!matches || useLibrary.getState().filters !== filters) return;
  useSelection.getState().selectAll(loaded, matches);
}
