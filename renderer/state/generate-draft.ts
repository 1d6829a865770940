// Keeps the Generate form across reloads and restarts: main stores the draft, this loads it once
// (unless the user has already started typing) and saves each change after a short pause, plus
// once more when the page is hidden or closed.
import type { GenerateDraft } from '../../shared/domain/generate-draft';
import { studio } from '../studio';
import { type GenerateForm, useGenerate } from './generate';

const SAVE_AFTER_MS = 400;

let timer: ReturnType<typeof setTimeout> | null = null;
let lastSaved = '';

function save(form: GenerateForm): void {
  const text = JSON.stringify(form);
  if (text === lastSaved) return;
  lastSaved = text;
  // A failed save only costs the draft; the form itself is untouched, so nothing to show.
  void studio.drafts.save({ draft: form satisfies GenerateDraft }).catch(() => {
    lastSaved = '';
  });
}

function flush(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  save(useGenerate.getState().form);
}

/** Loads the saved draft and starts saving; returns a function that stops it. */
export function keepGenerateDraft(): () => void {
  const before = useGenerate.getState().form;
  void studio.drafts.get().then(
    (draft) => {
      // The user typed before the draft arrived: what they typed wins.
      if (!draft || useGenerate.getState().form !== before) return;
      lastSaved = JSON.stringify(draft);
      useGenerate.setState({ form: draft });
    },
    () => {},
  );
  const unsubscribe = useGenerate.subscribe((state, previous) => {
    if (state.form === previous.form) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SAVE_AFTER_MS);
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', flush);
  };
}
