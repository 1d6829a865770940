// batch.create: many generations from one call (a template, a grid sweep, a CSV/JSONL file, an MCP
// tool). Everything is checked before anything is sent: the spend guard, every image file, every
// project. Then each item is created through the same path as a single generation.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type BatchEstimate, type BatchItem, estimateBatch } from '../../shared/batch/items';
import type { GenerationRecord } from '../../shared/contract/contract';
import type { EventHub } from '../../shared/contract/event-hub';
import { FILE_LIMITS } from '../../shared/contract/file-refs';
import { readBudget } from '../core/budget/budget-settings';
import { guardSpend } from '../core/budget/spend-guard';
import type { Clock } from '../core/clock';
import type { LibraryStore } from '../core/library/types';
import { invalidImage } from '../core/references/errors';
import type { ReferenceImages } from '../core/references/reference-images';
import { type CreateDeps, createGenerations } from './create-generations';
import type { FileAccess } from './file-access';

export interface BatchDeps extends CreateDeps {
  library(): LibraryStore;
  clock: Clock;
  files: FileAccess;
  references: ReferenceImages;
  hub: EventHub;
}

/** An image file on this computer → its ready reference id (converted when it has to be). */
export async function referenceFromFile(references: ReferenceImages, path: string): Promise<string> {
  const name = basename(path);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw invalidImage(`${path} could not be read.`);
  if (info.size > FILE_LIMITS.image)
    throw invalidImage(`${name} is too large to use (${Math.ceil(info.size / 1048576)} MB).`);
  let inspection = await references.inspectBytes(name, await readFile(path));
  if (inspection.status === 'needs_conversion' && inspection.sha256) {
    inspection = await references.convert(inspection.sha256);
  }
  if (inspection.status !== 'ready' || !inspection.sha256) {
    throw invalidImage(`${name}: ${inspection.message ?? 'cannot be used'}`);
  }
  return inspection.sha256;
}

export function estimate(library: LibraryStore, items: BatchItem[]): BatchEstimate {
  return estimateBatch(items, readBudget(library).confirmAboveUsd);
}

export async function createBatch(
  deps: BatchDeps,
  items: BatchItem[],
  confirmed: boolean,
): Promise<{ records: GenerationRecord[]; estimate: BatchEstimate }> {
  const library = deps.library();
  const total = estimate(library, items);
  // The confirmation threshold, as for every other action; the caps meet each job before submit.
  guardSpend(
    library,
    {
      backend: await deps.backend(),
      projectId: null,
      totalUsd: total.totalUsd,
      confirmed,
      refuseOverBudget: false,
    },
    deps.clock.now(),
  );
  deps.engine(); // refuses now when another process drives this library
  // Every image first: one unreadable file refuses the batch before anything is queued.
  const references = new Map<string, string>();
  for (const item of items) {
    if (!item.imagePath || references.has(item.imagePath)) continue;
    deps.files.paths.check(item.imagePath);
    try {
      references.set(item.imagePath, await referenceFromFile(deps.references, item.imagePath));
    } catch (error) {
      const index = items.indexOf(item) + 1;
      if (error instanceof Error && 'userMessage' in error) {
        throw invalidImage(`Item ${index}: ${(error as { userMessage: string }).userMessage}`);
      }
      throw error;
    }
  }
  const projects = new Map(library.listProjects().map((project) => [project.name, project.id]));
  const projectId = (name: string | undefined): string | null => {
    if (!name) return null;
    const known = projects.get(name);
    if (known) return known;
    const made = library.createProject(name).id;
    projects.set(name, made);
    return made;
  };
  const records: GenerationRecord[] = [];
  for (const item of items) {
    const reference = item.imagePath ? references.get(item.imagePath) : undefined;
    const [record] = await createGenerations(deps, {
      params: item.params,
      count: 1,
      seedMode: item.params.seed === undefined ? 'random' : 'fixed',
      projectId: projectId(item.project),
      // The batch's total was confirmed above; over a cap a job waits as held instead of failing.
      hold: false,
      confirmed: true,
      ifOverBudget: 'hold',
      ...(reference ? { references: [reference] } : {}),
    });
    if (!record) continue;
    records.push(item.tags?.length ? library.setTags(record.id, item.tags) : record);
  }
  if (items.some((item) => item.project || item.tags?.length))
    deps.hub.emit('library.changed', { reason: 'project' });
  return { records, estimate: total };
}
