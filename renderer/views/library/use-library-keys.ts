// The library's keyboard: Delete (or Backspace) moves the selection, or the open video, to the
// trash; Ctrl/Cmd+Z undoes the last delete; Ctrl/Cmd+A selects every match of the filter; Escape clears a
// selection. Keys typed into a field, or while a dialog or the viewer is open, are left alone.
import { useEffect } from 'react';
import { trashRecords, undoLastDelete } from '../../state/bulk-actions';
import { useCompare, useViewer } from '../../state/compare';
import { useLibrary } from '../../state/library';
import { selectAllMatches } from '../../state/select-all';
import { selectedRecords, selectionSize, useSelection } from '../../state/selection';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

export function useLibraryKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      if (
        document.querySelector('dialog[open]') ||
        useViewer.getState().record ||
        useCompare.getState().records
      )
        return;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (command && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undoLastDelete();
      } else if (command && key === 'a') {
        event.preventDefault();
        void selectAllMatches();
      } else if (!command && (event.key === 'Delete' || event.key === 'Backspace')) {
        const picked = selectedRecords();
        const unloaded = [...useSelection.getState().unloaded];
        const open = useLibrary.getState().selected;
        const many = picked.length + unloaded.length > 1;
        const targets = many ? picked : open ? [open] : picked;
        if (targets.length === 0 && !many) return;
        event.preventDefault();
        void trashRecords(targets, many ? unloaded : []);
      } else if (event.key === 'Escape' && selectionSize(useSelection.getState()) > 1) {
        useSelection.getState().clear();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
