// After a rebuild from the folder: what only the previous database knew — presets, the prompt
// history, spending caps, sequences, projects without videos, the records of the reference images
// and audio kept under references/ (their names and links; without them a held draft's image
// reads as deleted), the balance history of the Spend view, the record of sends the spending caps
// count — is brought over from it when it can
// still be read (a rebuild of a healthy library, or a damaged one SQLite still opens). Project ids
// are new after a rebuild, so caps and sequences follow their project by name. Videos' own records
// came back from their sidecars; this never touches them.
import { existsSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { CarriedOver, CarryOverPart } from '../../shared/contract/results';
import { absolutePath } from '../core/library/paths';
import type { LedgerEntry } from '../core/library/spend-ledger';
import type { BalanceSnapshot, LibraryStore, ReferenceImageRecord } from '../core/library/types';

export type { CarriedOver, CarryOverPart };

const LIST_SETTINGS = { presets: 'generate-presets', prompts: 'prompt-history' } as const;

function projectIdsByName(
  old: Database,
  library: LibraryStore,
): { map: Map<string, string>; created: number } {
  const current = new Map(library.listProjects().map((project) => [project.name.toLowerCase(), project.id]));
  const map = new Map<string, string>();
  let created = 0;
  for (const { id, name } of old.prepare('SELECT id, name FROM projects').all() as {
    id: string;
    name: string;
  }[]) {
    let now = current.get(name.toLowerCase());
    if (!now) {
      now = library.createProject(name).id;
      current.set(name.toLowerCase(), now);
      created++;
    }
    map.set(id, now);
  }
  return { map, created };
}

function setting(old: Database, key: string): unknown {
  const row = old.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  return row ? JSON.parse(row.value) : undefined;
}

function carryBudget(old: Database, library: LibraryStore, projects: Map<string, string>): boolean {
  const budget = setting(old, 'budget') as { projectUsd?: Record<string, unknown> } | undefined;
  if (!budget || typeof budget !== 'object') return false;
  const projectUsd: Record<string, unknown> = {};
  for (const [id, cap] of Object.entries(budget.projectUsd ?? {})) {
    const now = projects.get(id);
    if (now) projectUsd[now] = cap;
  }
  library.setSetting('budget', { ...budget, projectUsd });
  return true;
}

function carrySequences(old: Database, library: LibraryStore, projects: Map<string, string>): number {
  const sequences = old
    .prepare('SELECT id, project_id AS projectId, name FROM sequences ORDER BY created_at')
    .all() as { id: string; projectId: string | null; name: string }[];
  const clipsOf = old.prepare(
    'SELECT generation_id AS generationId, in_ms AS inMs, out_ms AS outMs FROM sequence_clips WHERE sequence_id = ? ORDER BY position',
  );
  for (const sequence of sequences) {
    const projectId = sequence.projectId ? (projects.get(sequence.projectId) ?? null) : null;
    const made = library.sequences.create({ name: sequence.name, projectId });
    // A clip whose video did not come back (no file in the folder) is left out.
    const clips = (
      clipsOf.all(sequence.id) as { generationId: string; inMs: number; outMs: number | null }[]
    ).filter((clip) => library.getGeneration(clip.generationId) !== null);
    if (clips.length > 0) library.sequences.setClips(made.id, clips);
  }
  return sequences.length;
}

function hasTable(old: Database, name: string): boolean {
  return old.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The records of the references whose files are still in the folder (a rebuild keeps references/). */
function carryReferences(old: Database, library: LibraryStore): number {
  if (!hasTable(old, 'reference_images')) return 0;
  const rows = old
    .prepare(
      `SELECT sha256, rel_path AS relPath, name, source_url AS sourceUrl, converted_from AS convertedFrom,
         created_at AS createdAt FROM reference_images`,
    )
    .all() as ReferenceImageRecord[];
  let carried = 0;
  for (const row of rows) {
    try {
      if (!existsSync(absolutePath(library.root, row.relPath))) continue;
      library.saveReferenceImage(row); // refuses a path that leads outside the library
      carried++;
    } catch {
      // A damaged row: the others still come over.
    }
  }
  return carried;
}

/**
 * The record of sends the caps count: the previous database's also holds the sends whose videos
 * did not come back (failed, cancelled, uncertain, emptied from the trash). Its project ids are
 * mapped to the new ones by name; a project that is gone keeps none (its cap went with it).
 */
function carrySpendLedger(old: Database, library: LibraryStore, projects: Map<string, string>): number {
  if (!hasTable(old, 'spend_ledger')) return 0;
  const rows = old
    .prepare(
      `SELECT generation_id AS generationId, backend, project_id AS projectId, usd, sent_at AS sentAt
       FROM spend_ledger ORDER BY id`,
    )
    .all() as LedgerEntry[];
  return library.replaceSpendLedger(
    rows.map((row) => ({ ...row, projectId: row.projectId ? (projects.get(row.projectId) ?? null) : null })),
  );
}

/** The balance history the Spend view draws (it is only ever in the database). */
function carryBalanceSnapshots(old: Database, library: LibraryStore): number {
  if (!hasTable(old, 'balance_snapshots')) return 0;
  const rows = old
    .prepare('SELECT at, usd, backend, reason FROM balance_snapshots ORDER BY at')
    .all() as BalanceSnapshot[];
  for (const row of rows) library.addBalanceSnapshot(row);
  return rows.length;
}

export interface CarryOverResult {
  carried: CarriedOver;
  /** The parts that could not be read (a damaged table): the rest came over all the same. */
  failed: CarryOverPart[];
}

/**
 * Brings over what it can from `oldDbPath`, each part on its own, so one damaged table does not
 * cost the others; throws when that database cannot be opened at all.
 */
export function carryOverFromPrevious(library: LibraryStore, oldDbPath: string): CarryOverResult {
  const old = new BetterSqlite3(oldDbPath, { readonly: true, fileMustExist: true });
  const failed: CarryOverPart[] = [];
  // Each part in its own transaction: one that fails leaves nothing half-written ("starts empty").
  const part = <T>(name: CarryOverPart, fallback: T, work: () => T): T => {
    try {
      return library.atomically(work);
    } catch {
      failed.push(name);
      return fallback;
    }
  };
  try {
    const { map, created } = part('projects', { map: new Map<string, string>(), created: 0 }, () =>
      projectIdsByName(old, library),
    );
    const counts = { presets: 0, prompts: 0 };
    for (const [name, key] of Object.entries(LIST_SETTINGS) as [keyof typeof LIST_SETTINGS, string][]) {
      counts[name] = part(name, 0, () => {
        const list = setting(old, key);
        if (!Array.isArray(list)) return 0;
        library.setSetting(key, list);
        return list.length;
      });
    }
    const carried: CarriedOver = {
      projects: created,
      ...counts,
      sequences: part('sequences', 0, () => carrySequences(old, library, map)),
      budget: part('budget', false, () => carryBudget(old, library, map)),
      references: part('references', 0, () => carryReferences(old, library)),
      balanceSnapshots: part('balanceSnapshots', 0, () => carryBalanceSnapshots(old, library)),
      sends: part('sends', 0, () => carrySpendLedger(old, library, map)),
    };
    return { carried, failed };
  } finally {
    old.close();
  }
}
