// The library store: one better-sqlite3 connection plus the library folder. This file wires the
// operations (one concern per file in this folder) into the LibraryStore interface and owns the
// connection's life: open, close, and reopen after a move.

import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { type Clock, systemClock } from '../clock';
import { StudioError } from '../errors';
import { storageFailure } from '../fs/storage-failure';
import { createContext, inTransaction, type LibraryContext } from './context';
import * as curation from './curation';
import { curateMany, matchingIds } from './curation-many';
import { openDatabase } from './db';
import { findFinishedDuplicates } from './duplicates';
import * as generations from './generations';
import { editHeldParams } from './held';
import { lineageOf } from './lineage';
import * as links from './links';
import { assertMoveTarget, isInside, type MoveSteps, moveFolder } from './move';
import * as projects from './projects';
import { queryGenerations, skipGenerations } from './query';
import * as references from './references';
import { sequenceStore } from './sequences';
import * as settings from './settings';
import * as spend from './spend';
import { replaceSpendLedger } from './spend-ledger';
import * as trash from './trash';
import type { LibraryStore } from './types';
import * as videos from './videos';

/** Where the database lives inside a library folder, unless `dbPath` says otherwise. */
export const DEFAULT_DB_RELATIVE_PATH = join('.wanstudio', 'library.db');

/**
 * What may be created when the library is not there yet:
 * - 'with-parents': the folder and every missing parent, and a new database (the default library
 *   on first run, and tests);
 * - 'folder': the folder itself if its parent exists, and a new database (a folder the user just
 *   named: never the parents, which would recreate an unmounted drive's path on the system disk);
 * - 'never': nothing; the folder and its database must exist (a library the settings remember).
 */
export type LibraryCreation = 'with-parents' | 'folder' | 'never';

export interface OpenLibraryOptions {
  /** The library folder. */
  root: string;
  /** Default 'with-parents'. */
  create?: LibraryCreation;
  /** Defaults to `<root>/.wanstudio/library.db`, so the folder moves and backs up as one unit. */
  dbPath?: string;
  clock?: Clock;
  /** Told about data this version does not understand. Default: console.warn, once per message. */
  onWarning?: (message: string) => void;
}

function warnOncePerMessage(): (message: string) => void {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    console.warn(`[library] ${message}`);
  };
}

// The raw context behind a store, for code that must bypass the public API (the synthetic seeder,
// tests). Kept out of the interface so the app cannot reach the connection.
const contexts = new WeakMap<LibraryStore, () => LibraryContext>();

export function libraryContext(store: LibraryStore): LibraryContext {
  const get = contexts.get(store);
  if (!get) throw new Error('libraryContext: not a store made by openLibrary');
  return get();
}

class SqliteLibrary implements LibraryStore {
  #root: string;
  #dbPath: string;
  #ctx: LibraryContext | null;
  #state: 'open' | 'moving' | 'closed' = 'open';
  readonly #clock: Clock;
  readonly #warn: (message: string) => void;

  constructor(options: OpenLibraryOptions) {
    this.#root = resolve(options.root);
    this.#dbPath = resolve(options.dbPath ?? join(this.#root, DEFAULT_DB_RELATIVE_PATH));
    this.#clock = options.clock ?? systemClock;
    this.#warn = options.onWarning ?? warnOncePerMessage();
    this.#ctx = this.#connect(options.create ?? 'with-parents');
    contexts.set(this, () => this.#context());
  }

  #connect(create: LibraryCreation): LibraryContext {
    if (create === 'never') this.#requireFolder(this.#root);
    else if (create === 'folder') this.#requireFolder(dirname(this.#root));
    try {
      mkdirSync(this.#root, { recursive: true });
    } catch (error) {
      throw (
        storageFailure(error, this.#root) ??
        new StudioError({
          kind: 'storage',
          userMessage: `Could not create the library folder ${this.#root}.`,
          detail: String(error),
          cause: error,
        })
      );
    }
    const db = openDatabase(this.#dbPath, undefined, { mustExist: create === 'never' });
    return createContext({ db, root: this.#root, clock: this.#clock, warn: this.#warn });
  }

  #requireFolder(folder: string): void {
    let isFolder = false;
    try {
      isFolder = statSync(folder).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw storageFailure(error, folder) ?? error;
    }
    if (isFolder) return;
    throw new StudioError({
      kind: 'library_missing',
      userMessage: `The library folder ${this.#root} is not there${folder === this.#root ? '' : ` (${folder} does not exist)`}. If it is on a drive that is not connected, connect it and try again; otherwise locate the library or create a new one.`,
    });
  }

  #context(): LibraryContext {
    if (this.#ctx) return this.#ctx;
    throw new StudioError({
      kind: 'storage',
      userMessage:
        this.#state === 'moving'
          ? 'The library is being moved. Try again when it is done.'
          : 'The library is closed.',
    });
  }

  get root(): string {
    return this.#root;
  }

  close(): void {
    this.#ctx?.db.close();
    this.#ctx = null;
    this.#state = 'closed';
  }

  createGeneration: LibraryStore['createGeneration'] = (input) =>
    generations.createGeneration(this.#context(), input);
  getGeneration: LibraryStore['getGeneration'] = (id) => generations.getGeneration(this.#context(), id);
  updateGeneration: LibraryStore['updateGeneration'] = (id, patch) =>
    generations.updateGeneration(this.#context(), id, patch);
  listActive: LibraryStore['listActive'] = () => generations.listActive(this.#context());
  stateHistory: LibraryStore['stateHistory'] = (id) => generations.stateHistory(this.#context(), id);
  addLinks: LibraryStore['addLinks'] = (childId, newLinks) => {
    const ctx = this.#context();
    inTransaction(ctx, () => {
      generations.requireGeneration(ctx, childId);
      links.insertLinks(ctx, childId, newLinks);
    });
  };
  lineage: LibraryStore['lineage'] = (id) => lineageOf(this.#context(), id);
  query: LibraryStore['query'] = (query) => queryGenerations(this.#context(), query);
  skip: LibraryStore['skip'] = (query) => skipGenerations(this.#context(), query);
  costTimeHistory: LibraryStore['costTimeHistory'] = (resolution, duration, options) =>
    generations.costTimeHistory(this.#context(), resolution, duration, options);
  countByState: LibraryStore['countByState'] = () => generations.countByState(this.#context());
  editHeldParams: LibraryStore['editHeldParams'] = (id, params, cost) =>
    editHeldParams(this.#context(), id, params, cost);
  findFinishedDuplicates: LibraryStore['findFinishedDuplicates'] = (params, seeds) =>
    findFinishedDuplicates(this.#context(), params, seeds);
  spentUsd: LibraryStore['spentUsd'] = (range) => spend.spentUsd(this.#context(), range);
  spendItems: LibraryStore['spendItems'] = (range) => spend.spendItems(this.#context(), range);
  addBalanceSnapshot: LibraryStore['addBalanceSnapshot'] = (snapshot) =>
    spend.addBalanceSnapshot(this.#context(), snapshot);
  replaceSpendLedger: LibraryStore['replaceSpendLedger'] = (entries) =>
    replaceSpendLedger(this.#context(), entries);
  balanceSnapshots: LibraryStore['balanceSnapshots'] = (backend, since) =>
    spend.balanceSnapshots(this.#context(), backend, since);

  setFavourite: LibraryStore['setFavourite'] = (id, favourite) =>
    curation.setFavourite(this.#context(), id, favourite);
  setRating: LibraryStore['setRating'] = (id, rating) => curation.setRating(this.#context(), id, rating);
  setNotes: LibraryStore['setNotes'] = (id, notes) => curation.setNotes(this.#context(), id, notes);
  setTags: LibraryStore['setTags'] = (id, tags) => curation.setTags(this.#context(), id, tags);
  listTags: LibraryStore['listTags'] = () => curation.listTags(this.#context());
  curateMany: LibraryStore['curateMany'] = (ids, change) => curateMany(this.#context(), ids, change);
  matchingIds: LibraryStore['matchingIds'] = (query, cap) => matchingIds(this.#context(), query, cap);
  atomically: LibraryStore['atomically'] = (work) => this.#context().db.transaction(work)();

  readonly sequences: LibraryStore['sequences'] = sequenceStore(() => this.#context());

  listProjects: LibraryStore['listProjects'] = () => projects.listProjects(this.#context());
  createProject: LibraryStore['createProject'] = (name) => projects.createProject(this.#context(), name);
  renameProject: LibraryStore['renameProject'] = (id, name) =>
    projects.renameProject(this.#context(), id, name);
  deleteProject: LibraryStore['deleteProject'] = (id) => projects.deleteProject(this.#context(), id);
  assignProject: LibraryStore['assignProject'] = (ids, projectId) =>
    projects.assignProject(this.#context(), ids, projectId);

  addVideo: LibraryStore['addVideo'] = (generationId, video) =>
    videos.addVideo(this.#context(), generationId, video);
  setPoster: LibraryStore['setPoster'] = (videoId, posterRelPath) =>
    videos.setPoster(this.#context(), videoId, posterRelPath);
  setStrip: LibraryStore['setStrip'] = (videoId, stripRelPath) =>
    videos.setStrip(this.#context(), videoId, stripRelPath);
  getVideo: LibraryStore['getVideo'] = (videoId) => videos.getVideo(this.#context(), videoId);
  findVideoBySha256: LibraryStore['findVideoBySha256'] = (sha256) =>
    videos.findVideoBySha256(this.#context(), sha256);
  getPartialDownload: LibraryStore['getPartialDownload'] = (generationId) =>
    videos.getPartialDownload(this.#context(), generationId);
  savePartialDownload: LibraryStore['savePartialDownload'] = (download) =>
    videos.savePartialDownload(this.#context(), download);
  clearPartialDownload: LibraryStore['clearPartialDownload'] = (generationId) =>
    videos.clearPartialDownload(this.#context(), generationId);

  trash: LibraryStore['trash'] = (id) => trash.trash(this.#context(), id);
  restore: LibraryStore['restore'] = (id) => trash.restore(this.#context(), id);
  purgeTrash: LibraryStore['purgeTrash'] = (olderThan) => trash.purgeTrash(this.#context(), olderThan);
  purgeTrashed: LibraryStore['purgeTrashed'] = (ids) => trash.purgeTrashed(this.#context(), ids);
  trashUsage: LibraryStore['trashUsage'] = () => trash.trashUsage(this.#context());

  saveReferenceImage: LibraryStore['saveReferenceImage'] = (record) =>
    references.saveReferenceImage(this.#context(), record);
  getReferenceImage: LibraryStore['getReferenceImage'] = (sha256) =>
    references.getReferenceImage(this.#context(), sha256);
  getHostedObject: LibraryStore['getHostedObject'] = (sha256, location) =>
    references.getHostedObject(this.#context(), sha256, location);
  saveHostedObject: LibraryStore['saveHostedObject'] = (object) =>
    references.saveHostedObject(this.#context(), object);
  markHostedObjectDeleted: LibraryStore['markHostedObjectDeleted'] = (sha256, location, at) =>
    references.markHostedObjectDeleted(this.#context(), sha256, location, at);
  listHostedObjects: LibraryStore['listHostedObjects'] = () => references.listHostedObjects(this.#context());
  countReferenceUsers: LibraryStore['countReferenceUsers'] = (relPath, states, exceptId) =>
    references.countReferenceUsers(this.#context(), relPath, states, exceptId);

  getSetting<T>(key: string): T | undefined {
    return settings.getSetting<T>(this.#context(), key);
  }
  setSetting: LibraryStore['setSetting'] = (key, value) => settings.setSetting(this.#context(), key, value);

  async moveTo(newRoot: string, steps?: MoveSteps): Promise<void> {
    const ctx = this.#context();
    const from = this.#root;
    const to = resolve(newRoot);
    await assertMoveTarget(from, to);
    const dbInside = isInside(this.#dbPath, from);
    if (dbInside) {
      // Fold the WAL into the main file so the moved folder holds one self-contained database.
      ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      ctx.db.close();
    }
    this.#ctx = null;
    this.#state = 'moving';
    const oldDbPath = this.#dbPath;
    // From the switch on, the library is the copy: even if removing the old folder fails later.
    const switchTo = async (root: string) => {
      await steps?.switchTo?.(root);
      this.#root = to;
      if (dbInside) this.#dbPath = join(to, relative(from, oldDbPath));
    };
    try {
      await moveFolder(from, to, { ...steps, switchTo });
    } finally {
      // Reopen where the library now is: the new place on success, the old one on failure.
      this.#ctx = dbInside
        ? this.#connect('never')
        : createContext({ db: ctx.db, root: this.#root, clock: this.#clock, warn: this.#warn });
      this.#state = 'open';
    }
  }
}

export function openLibrary(options: OpenLibraryOptions): LibraryStore {
  return new SqliteLibrary(options);
}
