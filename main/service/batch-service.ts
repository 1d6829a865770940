// batch.create: many generations from one call (a template, a grid sweep, a CSV/JSONL file, an MCP
// tool). Everything is checked before anything is sent: the spend guard, every image file and link,
// every audio, the hosting they need. Only then is each item queued, through the same path as a
// single generation, so a refused row never leaves the rows before it sent (and paid for twice when
// the user fixes the file and sends it again).
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type BatchEstimate, type BatchItem, estimateBatch } from '../../shared/batch/items';
import type { GenerationRecord } from '../../shared/contract/contract';
import type { EventHub } from '../../shared/contract/event-hub';
import { FILE_LIMITS } from '../../shared/contract/file-refs';
import { readBudget } from '../core/budget/budget-settings';
import { guardSpend } from '../core/budget/spend-guard';
import type { Clock } from '../core/clock';
import { isStudioError, StudioError } from '../core/errors';
import { projectNameKey } from '../core/library/projects';
import type { LibraryStore } from '../core/library/types';
import { invalidImage } from '../core/references/errors';
import type { ReferenceImages } from '../core/references/reference-images';
import { type CreateDeps, prepareGenerations } from './create-generations';
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

/** A refusal that says which item (1-based) it is about; nothing of the batch was sent. */
function itemError(index: number, error: unknown): unknown {
  if (!isStudioError(error)) return error;
  return new StudioError({
    kind: error.kind,
    userMessage: `Item ${index}: ${error.userMessage} Nothing from this batch was sent.`,
    detail: error.detail,
    createdNothing: true,
    reasonCode: error.reasonCode,
    reasonParams: { ...error.reasonParams, item: index },
    cause: error,
  });
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
  // Every image file first (each read once, however many rows name it).
  const references = new Map<string, string>();
  for (const [index, item] of items.entries()) {
    if (!item.imagePath || references.has(item.imagePath)) continue;
    try {
      deps.files.paths.check(item.imagePath);
      references.set(item.imagePath, await referenceFromFile(deps.references, item.imagePath));
    } catch (error) {
      throw itemError(index + 1, error);
    }
  }
  // Then every row's links, audio, hosting and guard, with nothing queued yet.
  const prepared = [];
  for (const [index, item] of items.entries()) {
    const reference = item.imagePath ? references.get(item.imagePath) : undefined;
    try {
      prepared.push(
        await prepareGenerations(deps, {
          params: item.params,
          count: 1,
          seedMode: item.params.seed === undefined ? 'random' : 'fixed',
          projectId: null,
          // The batch's total was confirmed above; over a cap a job waits as held instead of failing.
          hold: false,
          confirmed: true,
          ifOverBudget: 'hold',
          ...(reference ? { references: [reference] } : {}),
        }),
      );
    } catch (error) {
      throw itemError(index + 1, error);
    }
  }
  // Every row's project before any row is queued: a name the library refuses then stops the batch
  // with nothing sent. Names match as the library matches them ("Film" and " film " are one).
  const projects = new Map(
    library.listProjects().map((project) => [projectNameKey(project.name), project.id]),
  );
  const projectIds: (string | null)[] = [];
  for (const [index, item] of items.entries()) {
    if (!item.project) {
      projectIds.push(null);
      continue;
    }
    const key = projectNameKey(item.project);
    try {
      const id = projects.get(key) ?? library.createProject(item.project).id;
      projects.set(key, id);
      projectIds.push(id);
    } catch (error) {
      throw itemError(index + 1, error);
    }
  }
  const records: GenerationRecord[] = [];
  for (const [index, item] of items.entries()) {
    const ready = prepared[index];
    if (!ready) continue;
    const [record] = ready.engine.enqueue({ ...ready.request, projectId: projectIds[index] ?? null });
    if (!record) continue;
    records.push(item.tags?.length ? library.setTags(record.id, item.tags) : record);
  }
  if (items.some((item) => item.project || item.tags?.length))
    deps.hub.emit('library.changed', { reason: 'project' });
  return { records, estimate: total };
}
