// Reads a library folder from the outside, as a crash test's verdict: the database's integrity and
// rows, and whether every recorded video is on disk with its recorded length and sha256.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { CLIP_FILES } from '../../main/demo/clips';
import { DEFAULT_MEDIA_DIR } from '../../main/demo/options';
import { readSidecarText } from '../../shared/domain/sidecar';

export interface AuditRow {
  id: string;
  state: string;
  taskId: string | null;
  relPath: string | null;
  sha256: string | null;
  bytes: number | null;
}

export interface LibraryAudit {
  integrity: string;
  rows: AuditRow[];
  /** Every file below the library folder (absolute paths). */
  files: string[];
}

export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

export async function auditLibrary(library: string): Promise<LibraryAudit> {
  const db = new Database(join(library, '.wanstudio', 'library.db'), { readonly: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const rows = db
      .prepare(
        `SELECT g.id, g.state, g.task_id AS taskId, v.rel_path AS relPath, v.sha256, v.bytes
         FROM generations g LEFT JOIN videos v ON v.generation_id = g.id
         WHERE g.deleted_at IS NULL ORDER BY g.created_at, g.id`,
      )
      .all() as AuditRow[];
    return { integrity, rows, files: await listFiles(library) };
  } finally {
    db.close();
  }
}

/** sha256 of each MP4 the simulator serves as a result, to tell a whole download from a half one. */
export async function servedClipHashes(): Promise<Set<string>> {
  const hashes = await Promise.all(
    Object.values(CLIP_FILES).map(async (file) =>
      createHash('sha256')
        .update(await readFile(join(DEFAULT_MEDIA_DIR, file)))
        .digest('hex'),
    ),
  );
  return new Set(hashes);
}

/**
 * The database is intact, every recorded video is on disk with its recorded length and sha256,
 * no `.part` file is left, and no MP4 exists that the database does not know. With `served`,
 * every video must also be byte for byte one of the files the server sent (a file that agrees
 * with its own record could still be a truncated copy recorded as complete). Every sidecar next
 * to a video must parse and name that video's sha256.
 */
export async function expectSoundLibrary(library: string, served?: Set<string>): Promise<LibraryAudit> {
  const audit = await auditLibrary(library);
  expect(audit.integrity).toBe('ok');
  const videos = audit.rows.filter((row) => row.relPath !== null);
  for (const row of videos) {
    const bytes = await readFile(join(library, ...(row.relPath ?? '').split('/')));
    expect(bytes.length, row.relPath ?? '').toBe(row.bytes);
    expect(createHash('sha256').update(bytes).digest('hex'), row.relPath ?? '').toBe(row.sha256);
    if (served) expect(served.has(row.sha256 ?? ''), `${row.relPath} is not what the server sent`).toBe(true);
    // A sidecar, where one was written, is whole (written by rename) and describes these very bytes.
    const sidecar = await readFile(join(library, ...`${row.relPath}.json`.split('/')), 'utf8').catch(
      () => null,
    );
    if (sidecar !== null) {
      const reading = readSidecarText(sidecar);
      expect(reading.ok, `${row.relPath}.json: ${reading.ok ? '' : reading.reason}`).toBe(true);
      if (reading.ok) expect(reading.sidecar.video.sha256, `${row.relPath}.json`).toBe(row.sha256);
    }
  }
  expect(audit.files.filter((file) => file.endsWith('.part'))).toEqual([]);
  expect(audit.files.filter((file) => file.endsWith('.mp4'))).toHaveLength(videos.length);
  return audit;
}
