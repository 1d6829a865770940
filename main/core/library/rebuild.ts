// "Rebuild the library from its folder": when the database is lost or damaged, every video in the
// folder comes back from its sidecar (the same id, prompt, parameters, seed, times, costs,
// curation, project and lineage), and a video without a usable sidecar comes back as a plain
// import. The old database is moved aside (never deleted) first; the files are only read.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { RebuildSummary } from '../../../shared/contract/results';
import { readSidecarText, SIDECAR_MAX_BYTES, type SidecarReading } from '../../../shared/domain/sidecar';
import type { Clock } from '../clock';
import { fileStamp } from '../fs/file-stamp';
import { probeMp4 } from '../media/mp4-probe';
import { addPlainImport } from './import';
import { DEFAULT_DB_RELATIVE_PATH, openLibrary } from './library';
import { absolutePath } from './paths';
import { type LinkParents, linkExistingParents, restoreFromRecipe } from './restore-recipe';
import type { SidecarParent } from './sidecar-doc';
import { sidecarRelPath } from './sidecar-doc';
import { TRASH_DIR } from './trash';
import type { LibraryStore } from './types';

export interface RebuildProgress {
  done: number;
  total: number;
}

/** What the rebuild itself answers; the service adds what it brought over from the old database. */
export type RebuildResult = Omit<RebuildSummary, 'carriedOver' | 'carryOverProblem' | 'carryOverFailed'>;

export interface RebuildOptions {
  clock: Clock;
  onProgress?(progress: RebuildProgress): void;
  linkParents?: LinkParents;
}

/** Folders that hold no library videos of their own. */
const NOT_VIDEOS = new Set(['.wanstudio', 'references', 'node_modules']);

/** Moves the database (and its WAL files) aside and builds a new one from the folder; returns the new store open. */
export async function rebuildLibrary(
  root: string,
  options: RebuildOptions,
): Promise<{ library: LibraryStore; result: RebuildResult }> {
  const keptAs = await keepDatabaseAside(root, options.clock.now());
  const videos = await findVideos(root);
  const library = openLibrary({ root, clock: options.clock, create: 'folder' });
  const result: RebuildResult = { restored: 0, plain: 0, skipped: [], recipesKeptAside: [], keptAs };
  const lineage: { id: string; parents: SidecarParent[] }[] = [];
  for (const [index, found] of videos.entries()) {
    try {
      const outcome = await restoreOne(library, found, options.clock.now());
      if (outcome.parents.length > 0) lineage.push({ id: outcome.id, parents: outcome.parents });
      if (outcome.withRecipe) result.restored++;
      else result.plain++;
      if (outcome.keptAside) result.recipesKeptAside.push({ relPath: found.relPath, ...outcome.keptAside });
    } catch (error) {
      result.skipped.push({
        relPath: found.relPath,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    options.onProgress?.({ done: index + 1, total: videos.length });
  }
  // Parents may come later in the folder than their children: links are made once all rows exist.
  for (const { id, parents } of lineage) (options.linkParents ?? linkExistingParents)(library, id, parents);
  return { library, result };
}

interface FoundVideo {
  /** Where the video belongs in the library (for a trashed one: where it lived before the trash). */
  relPath: string;
  /** Where it is now, relative to the root. */
  onDisk: string;
  trashed: boolean;
}

async function keepDatabaseAside(root: string, now: number): Promise<string | null> {
  const db = join(root, DEFAULT_DB_RELATIVE_PATH);
  if (!existsSync(db)) return null;
  const keptAs = `${db}.before-rebuild-${fileStamp(now)}`;
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(db + suffix)) await rename(db + suffix, keptAs + suffix);
  await rename(db, keptAs);
  return keptAs;
}

async function findVideos(root: string): Promise<FoundVideo[]> {
  const found: FoundVideo[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === root && NOT_VIDEOS.has(entry.name)) continue;
        await walk(path);
      } else if (entry.isFile() && /\.mp4$/i.test(entry.name)) {
        const onDisk = relative(root, path).split(/[\\/]/).join('/');
        const inTrash = onDisk.startsWith(`${TRASH_DIR}/`);
        // .trash/<id>/<relPath>: the part after the id is where the video lived.
        const relPath = inTrash ? onDisk.split('/').slice(2).join('/') : onDisk;
        if (relPath) found.push({ relPath, onDisk, trashed: inTrash });
      }
    }
  };
  await walk(root);
  return found;
}

async function restoreOne(
  library: LibraryStore,
  found: FoundVideo,
  now: number,
): Promise<{
  id: string;
  withRecipe: boolean;
  parents: SidecarParent[];
  keptAside: { reason: string; keptAs: string } | null;
}> {
  const path = absolutePath(library.root, found.onDisk);
  const info = await probeMp4(path);
  const { bytes, sha256 } = await hashFile(path);
  const video = {
    relPath: found.relPath,
    bytes,
    sha256,
    width: info.width,
    height: info.height,
    durationMs: info.durationMs,
  };
  const sidecarPath = absolutePath(library.root, sidecarRelPath(found.onDisk));
  const reading = await readSidecarNextTo(sidecarPath);
  const sidecar = reading?.ok ? reading.sidecar : null;
  // Unreadable, not absent: the sidecar keeper would write this video's plain recipe over it.
  const keptAside =
    reading && !reading.ok ? { reason: reading.reason, keptAs: await keepAside(sidecarPath, now) } : null;
  let id: string;
  let parents: SidecarParent[] = [];
  if (sidecar) {
    // Links wait until every row exists (a parent may come later in the folder).
    id = restoreFromRecipe(library, sidecar, video, { kind: 'rebuild' }, () => {}).record.id;
    parents = sidecar.lineage.parents;
  } else {
    const added = addPlainImport(library, {
      name: basename(found.relPath),
      info,
      video,
      // A trashed video keeps the id its trash folder is named by, so restore finds its files.
      id: found.trashed ? found.onDisk.split('/')[1] : undefined,
    });
    id = added.generationId ?? '';
  }
  const poster = `${found.relPath.replace(/\.mp4$/i, '')}.jpg`;
  const videoId = library.getGeneration(id)?.video?.id;
  if (videoId && existsSync(join(dirname(path), basename(poster)))) library.setPoster(videoId, poster);
  // Already in .trash/<id>/: trash() finds the files there and only marks the row.
  if (found.trashed) library.trash(id);
  return { id, withRecipe: sidecar !== null, parents, keptAside };
}

/** null when there is no sidecar; otherwise what reading it found. */
async function readSidecarNextTo(path: string): Promise<SidecarReading | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  if (info.size > SIDECAR_MAX_BYTES) return { ok: false, reason: 'The recipe is too large to be ours.' };
  return readSidecarText(await readFile(path, 'utf8'));
}

/** Renames `path` to `<path>.unreadable` (or a dated name when that is taken); answers the new path. */
async function keepAside(path: string, now: number): Promise<string> {
  let keptAs = `${path}.unreadable`;
  if (existsSync(keptAs)) keptAs = `${path}.unreadable-${fileStamp(now)}`;
  await rename(path, keptAs);
  return keptAs;
}

function hashFile(path: string): Promise<{ bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    createReadStream(path)
      .on('data', (chunk) => {
        hash.update(chunk);
        bytes += chunk.length;
      })
      .on('error', reject)
      .on('end', () => resolve({ bytes, sha256: hash.digest('hex') }));
  });
}
