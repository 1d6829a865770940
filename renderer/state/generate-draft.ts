// Keeps the Generate form across reloads and restarts, one draft per mode: main stores the drafts,
// this loads them once (unless the user has already started typing), saves each change after a
// short pause (plus once more when the page is hidden or closed), and swaps drafts when the mode
// changes so text-to-video and image-to-video each keep their own prompt, settings and images.
import type { GenerateDraft, GenerateDraftSet } from '../../shared/domain/generate-draft';
import { draftFor, EMPTY_DRAFT_SET, withDraft } from '../../shared/domain/generate-draft-set';
import type { Mode } from '../../shared/domain/params';
import { studio } from '../studio';
import { type GenerateForm, useGenerate } from './generate';

const SAVE_AFTER_MS = 400;

/** The image-to-video images, which live in their own store: read for a save, put back on load. */
export interface DraftImages {
  references(): string[];
  restore(sha256s: string[]): void;
  subscribe(listener: () => void): () => void;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let lastSaved = '';
let drafts: GenerateDraftSet = EMPTY_DRAFT_SET;
let images: DraftImages | null = null;

function draftOf(form: GenerateForm): GenerateDraft {
  // Until the image store has loaded, the saved images stand (a save then must not drop them).
  const saved = draftFor(drafts, 'image-to-video')?.references ?? [];
  const references = form.mode === 'image-to-video' ? (images?.references() ?? saved) : [];
  return { ...form, references };
}

function formOf(draft: GenerateDraft): GenerateForm {
  const { references: _references, ...form } = draft;
  return form;
}

function save(form: GenerateForm): void {
  const draft = draftOf(form);
  drafts = withDraft(drafts, draft);
  const text = JSON.stringify(draft);
  if (text === lastSaved) return;
  lastSaved = text;
  // A failed save only costs the draft; the form itself is untouched, so nothing to show.
  void studio.drafts.save({ draft }).catch(() => {
    lastSaved = '';
  });
}

function flush(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  save(useGenerate.getState().form);
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(flush, SAVE_AFTER_MS);
}

/**
 * Moves the form to another mode: the current mode's draft is kept, and the other mode's draft
 * comes back if it has one; the first visit to a mode starts from what is in the form.
 */
export function switchGenerateMode(mode: Mode): void {
  const { form } = useGenerate.getState();
  if (form.mode === mode) return;
  flush();
  const saved = draftFor(drafts, mode);
  const { lineage } = useGenerate.getState();
  // A continuation or a frame is its image: without the image it comes from nothing. A remix stays one.
  const keepsLineage = lineage?.kind === 'remix_of';
  useGenerate.setState({
    form: saved ? formOf(saved) : { ...form, mode },
    touched: {},
    attempted: false,
    ...(keepsLineage ? {} : { lineage: null, lineageName: '' }),
  });
}

/**
 * Loads the saved drafts and starts saving; returns a function that stops it. The image store
 * comes from `loadImages` (its own chunk, so the first paint does not wait for it).
 */
export function keepGenerateDraft(loadImages: () => Promise<DraftImages>): () => void {
  let stopped = false;
  let unsubscribeImages = () => {};
  const imagesLoaded = loadImages().then((draftImages) => {
    images = draftImages;
    if (!stopped) {
      unsubscribeImages = draftImages.subscribe(() => {
        if (useGenerate.getState().form.mode === 'image-to-video') schedule();
      });
    }
    return draftImages;
  });
  const before = useGenerate.getState().form;
  void studio.drafts.get().then(
    (set) => {
      // The user typed before the drafts arrived: what they typed wins.
      if (useGenerate.getState().form !== before) return;
      drafts = set;
      const draft = draftFor(set, set.active);
      if (!draft) return;
      lastSaved = JSON.stringify(draft);
      useGenerate.setState({ form: formOf(draft) });
      const imageDraft = draftFor(set, 'image-to-video');
      if (imageDraft && imageDraft.references.length > 0) {
        void imagesLoaded.then((draftImages) => draftImages.restore(imageDraft.references));
      }
    },
    () => {},
  );
  const unsubscribe = useGenerate.subscribe((state, previous) => {
    if (state.form !== previous.form) schedule();
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', flush);
  return () => {
    stopped = true;
    unsubscribe();
    unsubscribeImages();
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', flush);
  };
}
