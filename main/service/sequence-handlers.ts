// The `sequences` contract group over the library's sequence store and the export saver.
import type { StudioEvents, StudioHandlers } from '../../shared/contract/contract';
import type { LibraryStore } from '../core/library/types';
import type { FileAccess } from './file-access';
import { saveSequenceExport } from './sequence-export';

export interface SequenceHandlerDeps {
  library(): LibraryStore;
  files: FileAccess;
  changed(reason: StudioEvents['library.changed']['reason']): void;
}

/**
 * Records an export's parts as its lineage (`sequence_part` links, by position). A clip used twice
 * is one link (the library keys links by parent and kind): its last position is kept.
 */
function recordParts(library: LibraryStore, childId: string, parts: readonly string[]): void {
  library.addLinks(
    childId,
    parts.map((parentId, position) => ({ kind: 'sequence_part' as const, parentId, position })),
  );
}

export function sequenceHandlers(deps: SequenceHandlerDeps): StudioHandlers['sequences'] {
  const store = () => deps.library().sequences;
  return {
    list: (input) => store().list(input?.projectId),
    get: ({ id }) => store().get(id),
    create: ({ name, projectId, generationIds }) => store().create({ name, projectId, generationIds }),
    rename: ({ id, name }) => store().rename(id, name),
    remove: ({ id }) => store().remove(id),
    setClips: ({ id, clips }) => store().setClips(id, clips),
    appendClip: ({ id, generationIds }) => store().appendClips(id, generationIds),
    saveExport: async (input) => {
      const library = deps.library();
      const result = await saveSequenceExport(library, deps.files, input, (childId, parts) =>
        recordParts(library, childId, parts),
      );
      if (!result.existing) deps.changed('import');
      return result;
    },
  };
}
