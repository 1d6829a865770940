// The `library` and `projects` contract groups: queries, curation (each change re-writes the
// video's sidecar), trash, files in and out, and moving or reopening the library folder.
import { mkdir } from 'node:fs/promises';
import { MAX_SELECTION, type StudioEvents, type StudioHandlers } from '../../shared/contract/contract';
import type { ManyResult } from '../core/library/types';
import type { HandlerDeps } from './handler-deps';
import { restoreMany, trashMany } from './library-bulk';
import { exportWithRecipes } from './library-export';
import { importFileRefs, importPaths, savePoster, saveStrip, videoPathOf } from './library-files';

type Changed = (reason: StudioEvents['library.changed']['reason']) => void;

export function libraryHandlers(
  deps: HandlerDeps,
  changed: Changed,
): Pick<StudioHandlers, 'library' | 'projects'> {
  const opened = async (open: Promise<void>) => {
    await open;
    changed('opened');
    return deps.info();
  };
  const curated = <T extends { id: string }>(value: T): T => {
    changed('curation');
    deps.sidecars.touch([value.id]);
    return value;
  };
  const curatedMany = (result: ManyResult): ManyResult => {
    changed('curation');
    deps.sidecars.touch(result.done);
    return result;
  };
  const importOptions = {
    linkParents: deps.linkParents,
    onImported: (id: string) => deps.sidecars.touch([id]),
  };
  const touchProject = (projectId: string) => {
    const library = deps.library();
    let cursor: string | null = null;
    do {
      const page = library.query({ projectId, limit: 500, cursor });
      deps.sidecars.touch(page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
  };

  return {
    library: {
      query: (query) => deps.library().query(query),
      skip: (query) => deps.library().skip(query),
      setFavourite: ({ id, favourite }) => curated(deps.library().setFavourite(id, favourite)),
      setRating: ({ id, rating }) => curated(deps.library().setRating(id, rating)),
      setNotes: ({ id, notes }) => curated(deps.library().setNotes(id, notes)),
      setTags: ({ id, tags }) => curated(deps.library().setTags(id, tags)),
      setFavouriteMany: ({ ids, favourite }) => curatedMany(deps.library().curateMany(ids, { favourite })),
      setRatingMany: ({ ids, rating }) => curatedMany(deps.library().curateMany(ids, { rating })),
      addTagMany: ({ ids, tag }) => curatedMany(deps.library().curateMany(ids, { addTag: tag })),
      matchingIds: (query) => deps.library().matchingIds(query, MAX_SELECTION),
      listTags: () => deps.library().listTags(),
      lineage: ({ id }) => deps.library().lineage(id),
      trash: ({ id }) => {
        deps.library().trash(id);
        changed('trash');
      },
      restore: ({ id }) => {
        deps.library().restore(id);
        deps.sidecars.touch([id]);
        changed('restore');
      },
      trashMany: ({ ids }) => {
        const result = trashMany(deps.library(), ids);
        changed('trash');
        return result;
      },
      restoreMany: ({ ids }) => {
        const result = restoreMany(deps.library(), ids);
        deps.sidecars.touch(result.done);
        changed('restore');
        return result;
      },
      purge: ({ ids }) => {
        const result = deps.library().purgeTrashed(ids);
        changed('purge');
        return result;
      },
      emptyTrash: () => {
        const result = deps.library().purgeTrashed();
        changed('purge');
        return result;
      },
      trashUsage: () => deps.library().trashUsage(),
      setProject: ({ ids, projectId }) => {
        const moved = deps.library().assignProject(ids, projectId);
        deps.sidecars.touch(ids);
        changed('project');
        return { moved };
      },
      importPaths: async ({ paths }) => {
        const result = await importPaths(deps.library(), deps.files, paths, importOptions);
        changed('import');
        return result;
      },
      importFiles: async ({ files }) => {
        const result = await importFileRefs(deps.library(), deps.files, files, importOptions);
        changed('import');
        return result;
      },
      savePoster: ({ videoId, jpeg }) => savePoster(deps.library(), videoId, jpeg),
      saveStrip: ({ videoId, jpeg }) => saveStrip(deps.library(), videoId, jpeg),
      reveal: async ({ id }) => {
        const path = videoPathOf(deps.library(), deps.library().getGeneration(id));
        return { path, shown: await deps.platform.revealFile(path) };
      },
      exportTo: async ({ ids, folder, sidecars, exportId }) => {
        deps.files.paths.check(folder);
        await mkdir(folder, { recursive: true });
        return deps.exports.run(exportId, (signal) =>
          exportWithRecipes(deps.library(), deps.sidecars, ids, folder, { sidecars, signal }),
        );
      },
      cancelExport: ({ exportId }) => deps.exports.cancel(exportId),
      rebuild: async () => {
        const result = await deps.rebuildLibrary((progress) =>
          deps.hub.emit('library.rebuildProgress', progress),
        );
        changed('opened');
        return result;
      },
      startDrag: ({ id }) =>
        deps.platform.startDrag(videoPathOf(deps.library(), deps.library().getGeneration(id))),
      move: async ({ folder }) => {
        deps.files.paths.check(folder);
        await deps.moveLibrary(folder);
        changed('move');
        return deps.info();
      },
      reopen: () => opened(deps.reopenLibrary()),
      locate: ({ folder }) => {
        deps.files.paths.check(folder);
        return opened(deps.locateLibrary(folder));
      },
      createNew: ({ folder }) => {
        deps.files.paths.check(folder);
        return opened(deps.createLibrary(folder));
      },
    },
    projects: {
      list: () => deps.library().listProjects(),
      create: ({ name }) => {
        const project = deps.library().createProject(name);
        changed('project');
        return project;
      },
      rename: ({ id, name }) => {
        const project = deps.library().renameProject(id, name);
        touchProject(id);
        changed('project');
        return project;
      },
      remove: ({ id }) => {
        deps.library().deleteProject(id);
        changed('project');
      },
    },
  };
}
