// A generation back from its recipe (a sidecar, or an export's embedded copy of it): the row with
// its parameters, seed, model, times and curation, its project (by name, made when missing), and
// its video. Used by import (a video from elsewhere: 'imported', cost 0, marked with where its
// recipe came from, so the spend report never counts money this library did not spend) and by
// rebuild (the library's own files: everything as it was, the same id, origin and costs).
import { existsSync } from 'node:fs';
import type { Sidecar } from '../../../shared/domain/sidecar';
import { absolutePath, toRelPath } from './paths';
import type { SidecarParent } from './sidecar-doc';
import type { GenerationRecord, LibraryStore, RecipeSource, VideoRecord } from './types';

/** The video file a recipe describes, as it is in this library. */
export type RestoredVideo = Omit<
  VideoRecord,
  'id' | 'generationId' | 'createdAt' | 'posterRelPath' | 'stripRelPath'
>;

export type RestoreMode = { kind: 'import'; source: RecipeSource; sourceName: string } | { kind: 'rebuild' };

/** Records links to parents that exist in this library (the lineage API, when the store has it). */
export type LinkParents = (store: LibraryStore, childId: string, parents: SidecarParent[]) => void;

export function restoreFromRecipe(
  store: LibraryStore,
  sidecar: Sidecar,
  video: RestoredVideo,
  mode: RestoreMode,
  linkParents?: LinkParents,
): { record: GenerationRecord; video: VideoRecord } {
  // One transaction: a row without its video (a failed addVideo) is never left behind.
  return store.atomically(() => restoreRows(store, sidecar, video, mode, linkParents));
}

function restoreRows(
  store: LibraryStore,
  sidecar: Sidecar,
  video: RestoredVideo,
  mode: RestoreMode,
  linkParents?: LinkParents,
): { record: GenerationRecord; video: VideoRecord } {
  const { generation, curation } = sidecar;
  const rebuild = mode.kind === 'rebuild';
  if (rebuild && store.getGeneration(generation.id)) {
    // Its id is taken by a copy restored a moment ago (the same video at home and in the trash):
    // a second row under a new id would be a duplicate whose trash folder is named by another id.
    throw new Error(`another copy of generation ${generation.id} was restored already`);
  }
  const reference = referenceIn(store.root, generation.referenceImagePath);
  // A hosted image's link was never kept; without the library's copy of the image the recipe still
  // says what was made, but the row must name an image: the imported stand-in is the link-less one.
  const imageSource =
    generation.params.mode === 'image-to-video' ? imageSourceFor(generation, reference) : null;
  const record = store.createGeneration({
    projectId: projectIdFor(store, sidecar.project?.name ?? null),
    backend: generation.backend,
    params: { ...generation.params, model: generation.model },
    requestType: generation.requestType,
    estimatedCostUsd: rebuild ? generation.estimatedCostUsd : 0,
    state: 'done',
    origin: rebuild ? generation.origin : 'imported',
    sourceName: rebuild ? generation.sourceName : mode.sourceName,
    recipeSource: rebuild ? null : mode.source,
    referenceImagePath: reference,
    imageSource,
    restore: { id: generation.id, createdAt: rebuild ? generation.createdAt : undefined },
  });
  store.updateGeneration(record.id, {
    taskId: generation.taskId,
    // Only the library that paid keeps when it was sent (the spend report counts by it).
    submittedAt: rebuild ? generation.submittedAt : null,
    completedAt: generation.completedAt,
    remoteCreateTime: generation.remoteCreateTime,
    remoteCompleteTime: generation.remoteCompleteTime,
    costTimeMs: generation.costTimeMs,
  });
  if (curation.favourite) store.setFavourite(record.id, true);
  if (curation.rating > 0) store.setRating(record.id, curation.rating);
  if (curation.notes) store.setNotes(record.id, curation.notes);
  if (curation.tags.length > 0) store.setTags(record.id, curation.tags);
  const added = store.addVideo(record.id, { ...video, posterRelPath: null });
  (linkParents ?? linkExistingParents)(store, record.id, sidecar.lineage.parents);
  const restored = store.getGeneration(record.id);
  if (!restored) throw new Error(`restoreFromRecipe: ${record.id} vanished`);
  return { record: restored, video: added };
}

/** The reference image's library path when that file is in this library; null otherwise. */
function referenceIn(root: string, relPath: string | null): string | null {
  if (!relPath) return null;
  try {
    const clean = toRelPath(relPath);
    return clean.startsWith('references/') && existsSync(absolutePath(root, clean)) ? clean : null;
  } catch {
    return null;
  }
}

function imageSourceFor(generation: Sidecar['generation'], reference: string | null) {
  if (generation.params.imageUrl) return 'url' as const;
  return reference ? ('hosted' as const) : null;
}

function projectIdFor(store: LibraryStore, name: string | null): string | null {
  if (!name) return null;
  const existing = store.listProjects().find((project) => project.name.toLowerCase() === name.toLowerCase());
  return (existing ?? store.createProject(name)).id;
}

/** Links to the parents this library has; a parent it does not have (another library's, purged) is left out. */
export const linkExistingParents: LinkParents = (store, childId, parents) => {
  const present = parents.filter(
    (parent) => parent.generationId !== childId && store.getGeneration(parent.generationId),
  );
  if (present.length === 0) return;
  store.addLinks(
    childId,
    present.map((parent) => ({
      kind: parent.kind,
      parentId: parent.generationId,
      frameMs: parent.frameMs,
      position: parent.position,
    })),
  );
};
