// The images added for image-to-video: each one is sent to main to be judged by its content
// (images.inspect / inspectUrl), shown with what main found, converted when the user accepts, and
// submitted by its id. Several images make a batch. No rules live here: main decides.
import { create } from 'zustand';
import type { GenerationRecord, HostingStatus, ImageInspection } from '../../../shared/contract/contract';
import { sha256FromReferencePath } from '../../../shared/domain/reference-paths';
import { asContractError } from '../../lib/errors';
import { sendFiles } from '../../lib/send-files';
import { studio } from '../../studio';

export interface AddedImage {
  key: string;
  /** What the user gave it as: a file name or a shortened link. */
  label: string;
  state: 'checking' | 'converting' | 'checked' | 'failed';
  inspection: ImageInspection | null;
  /** main refused to even look (a link it could not fetch, a file too large to send). */
  error: string | null;
  /** A blob: URL of the dropped file, for a preview before (or without) main's copy. */
  localPreview: string | null;
}

interface ImageState {
  images: AddedImage[];
  hosting: HostingStatus | null;
  addFiles(files: File[]): Promise<void>;
  addLink(url: string): Promise<void>;
  convert(key: string): Promise<void>;
  remove(key: string): void;
  clear(): void;
  /** Remix: the reference image of an earlier generation, when it was one of ours. */
  loadRecord(record: GenerationRecord): Promise<void>;
  /** A saved draft's images, by content id, in place of what is there. */
  loadReferences(sha256s: string[]): Promise<void>;
  refreshHosting(): Promise<void>;
}

let counter = 0;
const nextKey = () => `image-${++counter}`;

function shortLink(url: string): string {
  if (/^data:/i.test(url)) return 'pasted image';
  try {
    const parsed = new URL(url);
    const name = parsed.pathname.split('/').filter(Boolean).at(-1);
    return name ? `${parsed.host}/…/${decodeURIComponent(name)}` : parsed.host;
  } catch {
    return url.slice(0, 60);
  }
}

function inspectAsDataUrl(file: File): Promise<ImageInspection> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(studio.images.inspectUrl({ url: String(reader.result) }));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Ready to submit as they are. */
export function readyImages(images: AddedImage[]): ImageInspection[] {
  return images.flatMap((image) =>
    image.state === 'checked' && image.inspection?.status === 'ready' && image.inspection.sha256
      ? [image.inspection]
      : [],
  );
}

/** Ready images that must be uploaded (no public link of their own). */
export function needsHosting(images: AddedImage[]): boolean {
  return readyImages(images).some((inspection) => !inspection.sourceUrl);
}

export const useImages = create<ImageState>()((set, get) => {
  const patch = (key: string, change: Partial<AddedImage>) =>
    set({ images: get().images.map((image) => (image.key === key ? { ...image, ...change } : image)) });

  async function run(key: string, work: () => Promise<ImageInspection>): Promise<void> {
    try {
      const inspection = await work();
      // Revoked once main's copy can be shown instead; refused files keep theirs (no copy exists).
      patch(key, { state: 'checked', inspection, error: null });
    } catch (error) {
      patch(key, { state: 'failed', error: asContractError(error).message });
    }
  }

  return {
    images: [],
    hosting: null,
    async addFiles(files) {
      const added = files.map((file) => ({
        key: nextKey(),
        label: file.name || 'pasted image',
        state: 'checking' as const,
        inspection: null,
        error: null,
        localPreview: URL.createObjectURL(file),
      }));
      set({ images: [...get().images, ...added] });
      const sent = await sendFiles(files, 'image');
      await Promise.all(
        added.map((image, index) => {
          const outcome = sent[index];
          if (outcome && 'ref' in outcome)
            return run(image.key, () => studio.images.inspect({ file: outcome.ref }));
          // A pasted image in Electron is no file on disk: it goes as a data: link, like a pasted link.
          if (outcome?.notOnDisk) return run(image.key, async () => inspectAsDataUrl(files[index] as File));
          patch(image.key, { state: 'failed', error: outcome?.error ?? null });
          return undefined;
        }),
      );
    },
    async addLink(url) {
      const key = nextKey();
      set({
        images: [
          ...get().images,
          {
            key,
            label: shortLink(url),
            state: 'checking',
            inspection: null,
            error: null,
            localPreview: null,
          },
        ],
      });
      await run(key, () => studio.images.inspectUrl({ url }));
    },
    async convert(key) {
      const sha256 = get().images.find((image) => image.key === key)?.inspection?.sha256;
      if (!sha256) return;
      patch(key, { state: 'converting' });
      await run(key, () => studio.images.convert({ sha256 }));
    },
    remove(key) {
      const image = get().images.find((entry) => entry.key === key);
      if (image?.localPreview) URL.revokeObjectURL(image.localPreview);
      set({ images: get().images.filter((entry) => entry.key !== key) });
    },
    clear() {
      for (const image of get().images) if (image.localPreview) URL.revokeObjectURL(image.localPreview);
      set({ images: [] });
    },
    async loadRecord(record) {
      const sha256 =
        record.imageSource === 'hosted' ? sha256FromReferencePath(record.referenceImagePath) : null;
      await get().loadReferences(sha256 ? [sha256] : []);
    },
    async loadReferences(sha256s) {
      get().clear();
      const loaded = sha256s.map((sha256) => ({
        sha256,
        image: {
          key: nextKey(),
          label: 'reference image',
          state: 'checking' as const,
          inspection: null,
          error: null,
          localPreview: null,
        },
      }));
      set({ images: loaded.map((entry) => entry.image) });
      await Promise.all(
        loaded.map(({ sha256, image }) => run(image.key, () => studio.images.get({ sha256 }))),
      );
    },
    async refreshHosting() {
      try {
        set({ hosting: await studio.hosting.status() });
      } catch {
        set({ hosting: null });
      }
    },
  };
});

/** The images as a part of the image-to-video draft (renderer/state/generate-draft.ts). */
export function imagesForDraft() {
  // While saved images are being checked again they count as they were, so a save in between
  // does not drop them.
  let restoring: string[] | null = null;
  return {
    references: () =>
      restoring ?? readyImages(useImages.getState().images).flatMap((image) => image.sha256 ?? []),
    restore: (sha256s: string[]) => {
      if (useImages.getState().images.length > 0) return; // the user added images first: theirs win
      restoring = sha256s;
      void useImages
        .getState()
        .loadReferences(sha256s)
        .finally(() => {
          restoring = null;
        });
    },
    subscribe: (listener: () => void) =>
      useImages.subscribe((state, previous) => {
        if (state.images !== previous.images) listener();
      }),
  };
}
