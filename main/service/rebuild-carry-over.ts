// After a rebuild from the folder: what only the previous database knew — presets, the prompt
// history, spending caps, sequences, projects without videos — is brought over from it when it can
// still be read (a rebuild of a healthy library, or a damaged one SQLite still opens). Project ids
// are new after a rebuild, so caps and sequences follow their project by name. Videos' own records
// came back from their sidecars; this never touches them.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { LibraryStore } from '../core/library/types';

export interface CarriedOver {
  projects: number;
  presets: number;
  prompts: number;
  sequences: number;
  budget: boolean;
}

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

/** Brings over what it can from `oldDbPath`; throws when that database cannot be read at all. */
export function carryOverFromPrevious(library: LibraryStore, oldDbPath: string): CarriedOver {
  const old = new BetterSqlite3(oldDbPath, { readonly: true, fileMustExist: true });
  try {
    const { map, created } = projectIdsByName(old, library);
    const counts = { presets: 0, prompts: 0 };
    for (const [name, key] of Object.entries(LIST_SETTINGS) as [keyof typeof LIST_SETTINGS, string][]) {
      const list = setting(old, key);
      if (!Array.isArray(list)) continue;
      library.setSetting(key, list);
      counts[name] = list.length;
    }
    return {
      projects: created,
      ...counts,
      sequences: carrySequences(old, library, map),
      budget: carryBudget(old, library, map),
    };
  } finally {
    old.close();
  }
}
