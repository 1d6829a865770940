// Ctrl/Cmd+1…6 switch views (in VIEWS order), the way desktop apps with a sidebar usually do.
import { useEffect } from 'react';
import { useApp, VIEWS } from '../state/app';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const view = VIEWS[index];
      if (view) {
        event.preventDefault();
        useApp.getState().setView(view);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
