// A sidebar entry that takes dragged library cards (a project: move there; the Trash: delete).
import { type DragEvent, useState } from 'react';
import type { GenerationRecord } from '../../shared/contract/contract';
import { isCardDrag, takeDraggedRecords } from '../state/card-drag';

export function useCardDrop(onDrop: (records: GenerationRecord[]) => void) {
  const [over, setOver] = useState(false);
  return {
    over,
    handlers: {
      onDragOver(event: DragEvent) {
        if (!isCardDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      },
      onDragLeave() {
        setOver(false);
      },
      onDrop(event: DragEvent) {
        if (!isCardDrag(event)) return;
        event.preventDefault();
        setOver(false);
        const records = takeDraggedRecords();
        if (records.length > 0) onDrop(records);
      },
    },
  };
}
