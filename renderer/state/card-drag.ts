// Cards dragged inside the window (onto a project or the Trash in the sidebar). A card that is part
// of the selection carries the whole selection; any other card carries itself.
import type { DragEvent } from 'react';
import type { GenerationRecord } from '../../shared/contract/contract';
import { selectedRecords, useSelection } from './selection';

/** Marks drags that start on our own cards, so the library's import drop zone ignores them. */
export const CARD_DRAG_TYPE = 'application/x-wan-studio-generation';

let dragged: GenerationRecord[] = [];

export function startCardDrag(record: GenerationRecord): void {
  // Dragging carries the records the grid holds (a drag starts on a loaded card).
  dragged = useSelection.getState().selected.has(record.id) ? selectedRecords() : [record];
}

export function isCardDrag(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes(CARD_DRAG_TYPE);
}

/** The records a drop carries (once: a second drop of the same drag gets none). */
export function takeDraggedRecords(): GenerationRecord[] {
  const records = dragged;
  dragged = [];
  return records;
}
