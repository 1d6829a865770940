// Projects group generations. Names are unique without regard to case. Deleting a project keeps
// its generations (they become unassigned): a project is a label, not a container of paid work.
import { StudioError } from '../errors';
import { inTransaction, type LibraryContext } from './context';
import { newId } from './ids';
import type { Project } from './types';

export const MAX_PROJECT_NAME_LENGTH = 100;

const PROJECT_SELECT = `SELECT p.id AS id, p.name AS name, p.created_at AS createdAt,
  (SELECT coalesce(sum(c.n), 0) FROM generation_counts c WHERE c.project_id = p.id AND c.trashed = 0) AS generationCount
  FROM projects p`;

/** A name as it is stored: runs of white space as one space, none at the ends. */
function tidyName(name: string): string {
  return typeof name === 'string' ? name.replace(/\s+/g, ' ').trim() : '';
}

/**
 * What makes two project names the same one here: the stored form, compared as the column's
 * NOCASE collation does (ASCII letters only), so a caller can match names before creating any.
 */
export function projectNameKey(name: string): string {
  return tidyName(name).replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

function validName(name: string): string {
  const trimmed = tidyName(name);
  if (trimmed.length === 0) {
    throw new StudioError({ kind: 'invalid_request', userMessage: 'A project needs a name.' });
  }
  if (trimmed.length > MAX_PROJECT_NAME_LENGTH) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `A project name can be at most ${MAX_PROJECT_NAME_LENGTH} characters.`,
    });
  }
  return trimmed;
}

function assertNameFree(ctx: LibraryContext, name: string, exceptId: string | null): void {
  const existing = ctx.stmt('SELECT id FROM projects WHERE name = ?').pluck().get(name) as string | undefined;
  if (existing !== undefined && existing !== exceptId) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `A project named "${name}" already exists.`,
    });
  }
}

function projectNotFound(id: string): StudioError {
  return new StudioError({ kind: 'not_found', userMessage: `No project with id ${id}.` });
}

function getProject(ctx: LibraryContext, id: string): Project {
  const project = ctx.stmt(`${PROJECT_SELECT} WHERE p.id = ?`).get(id) as Project | undefined;
  if (!project) throw projectNotFound(id);
  return project;
}

export function listProjects(ctx: LibraryContext): Project[] {
  return ctx.stmt(`${PROJECT_SELECT} ORDER BY p.name COLLATE NOCASE, p.id`).all() as Project[];
}

export function createProject(ctx: LibraryContext, name: string): Project {
  const clean = validName(name);
  return inTransaction(ctx, () => {
    assertNameFree(ctx, clean, null);
    const now = ctx.clock.now();
    const id = newId(now);
    ctx.stmt('INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)').run(id, clean, now);
    return getProject(ctx, id);
  });
}

export function renameProject(ctx: LibraryContext, id: string, name: string): Project {
  const clean = validName(name);
  return inTransaction(ctx, () => {
    assertNameFree(ctx, clean, id);
    const result = ctx.stmt('UPDATE projects SET name = ? WHERE id = ?').run(clean, id);
    if (result.changes === 0) throw projectNotFound(id);
    return getProject(ctx, id);
  });
}

export function deleteProject(ctx: LibraryContext, id: string): void {
  const result = ctx.stmt('DELETE FROM projects WHERE id = ?').run(id);
  if (result.changes === 0) throw projectNotFound(id);
}

/** Puts these generations into a project (null: no project). Returns how many changed. */
export function assignProject(ctx: LibraryContext, ids: readonly string[], projectId: string | null): number {
  return inTransaction(ctx, () => {
    if (projectId !== null && !ctx.stmt('SELECT 1 FROM projects WHERE id = ?').get(projectId)) {
      throw projectNotFound(projectId);
    }
    const update = ctx.stmt(
      'UPDATE generations SET project_id = ?, updated_at = ? WHERE id = ? AND project_id IS NOT ?',
    );
    let changed = 0;
    for (const id of ids) changed += update.run(projectId, ctx.clock.now(), id, projectId).changes;
    return changed;
  });
}
