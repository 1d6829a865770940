// Rows for reference images and their uploads. The files themselves are written by
// core/references (content-addressed, atomic); this only remembers what is where.
import type { GenerationState } from '../../../shared/domain/states';
import type { LibraryContext } from './context';
import { toRelPath } from './paths';
import type { HostedObject, ReferenceImageRecord } from './types';

interface ReferenceRow {
  sha256: string;
  rel_path: string;
  name: string;
  source_url: string | null;
  converted_from: string | null;
  created_at: number;
}

interface HostedRow {
  sha256: string;
  location: string;
  url: string;
  expires_at: number;
  uploaded_at: number;
  deleted_at: number | null;
}

function referenceFromRow(row: ReferenceRow): ReferenceImageRecord {
  return {
    sha256: row.sha256,
    relPath: row.rel_path,
    name: row.name,
    sourceUrl: row.source_url,
    convertedFrom: row.converted_from,
    createdAt: row.created_at,
  };
}

function hostedFromRow(row: HostedRow): HostedObject {
  return {
    sha256: row.sha256,
    location: row.location,
    url: row.url,
    expiresAt: row.expires_at,
    uploadedAt: row.uploaded_at,
    deletedAt: row.deleted_at,
  };
}

/** Upsert: the same bytes dropped again keep their first name and date, but learn a link if they had none. */
export function saveReferenceImage(ctx: LibraryContext, record: ReferenceImageRecord): ReferenceImageRecord {
  ctx
    .stmt(
      `INSERT INTO reference_images (sha256, rel_path, name, source_url, converted_from, created_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO UPDATE SET
         rel_path = excluded.rel_path,
         source_url = coalesce(reference_images.source_url, excluded.source_url),
         converted_from = coalesce(reference_images.converted_from, excluded.converted_from)`,
    )
    .run(
      record.sha256,
      toRelPath(record.relPath),
      record.name,
      record.sourceUrl,
      record.convertedFrom,
      record.createdAt,
    );
  return getReferenceImage(ctx, record.sha256) ?? record;
}

export function getReferenceImage(ctx: LibraryContext, sha256: string): ReferenceImageRecord | null {
  const row = ctx.stmt('SELECT * FROM reference_images WHERE sha256 = ?').get(sha256) as
    | ReferenceRow
    | undefined;
  return row ? referenceFromRow(row) : null;
}

export function getHostedObject(ctx: LibraryContext, sha256: string, location: string): HostedObject | null {
  const row = ctx
    .stmt('SELECT * FROM hosted_objects WHERE sha256 = ? AND location = ?')
    .get(sha256, location) as HostedRow | undefined;
  return row ? hostedFromRow(row) : null;
}

export function saveHostedObject(ctx: LibraryContext, object: HostedObject): void {
  ctx
    .stmt(
      `INSERT INTO hosted_objects (sha256, location, url, expires_at, uploaded_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (sha256, location) DO UPDATE SET
         url = excluded.url, expires_at = excluded.expires_at,
         uploaded_at = excluded.uploaded_at, deleted_at = excluded.deleted_at`,
    )
    .run(object.sha256, object.location, object.url, object.expiresAt, object.uploadedAt, object.deletedAt);
}

export function markHostedObjectDeleted(
  ctx: LibraryContext,
  sha256: string,
  location: string,
  at: number,
): void {
  ctx
    .stmt('UPDATE hosted_objects SET deleted_at = ? WHERE sha256 = ? AND location = ? AND deleted_at IS NULL')
    .run(at, sha256, location);
}

export function listHostedObjects(ctx: LibraryContext): HostedObject[] {
  const rows = ctx.stmt('SELECT * FROM hosted_objects WHERE deleted_at IS NULL').all() as HostedRow[];
  return rows.map(hostedFromRow);
}

export function countReferenceUsers(
  ctx: LibraryContext,
  relPath: string,
  states: readonly GenerationState[],
  exceptId = '',
): number {
  if (states.length === 0) return 0;
  const marks = states.map(() => '?').join(', ');
  return ctx
    .stmt(
      `SELECT count(*) FROM generations
       WHERE (reference_image_path = ? OR reference_audio_path = ?) AND id != ? AND deleted_at IS NULL
         AND state IN (${marks})`,
    )
    .pluck()
    .get(relPath, relPath, exceptId, ...states) as number;
}
