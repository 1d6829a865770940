// Video rows (the MP4 a generation produced, or an imported one) and the bookkeeping of resumable
// downloads. The caller owns the files; these functions only record them.
import { StudioError } from '../errors';
import { inTransaction, type LibraryContext } from './context';
import { notFound } from './generations';
import { newId } from './ids';
import { toRelPath } from './paths';
import type { NewVideo, PartialDownload, VideoRecord } from './types';

interface VideoRow {
  id: string;
  generation_id: string | null;
  rel_path: string;
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  poster_rel_path: string | null;
  strip_rel_path: string | null;
  created_at: number;
}

function videoFromRow(row: VideoRow): VideoRecord {
  return {
    id: row.id,
    generationId: row.generation_id,
    relPath: row.rel_path,
    bytes: row.bytes,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    durationMs: row.duration_ms,
    posterRelPath: row.poster_rel_path,
    stripRelPath: row.strip_rel_path,
    createdAt: row.created_at,
  };
}

function invalid(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage });
}

function optionalCount(value: number | null, name: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) throw invalid(`${name} must be a non-negative whole number.`);
  return value;
}

/**
 * Records a video file. A generation has at most one video: adding another replaces the row
 * (a repeated download after a crash must not fail), and the old file is the caller's to delete.
 */
export function addVideo(ctx: LibraryContext, generationId: string | null, video: NewVideo): VideoRecord {
  const relPath = toRelPath(video.relPath);
  const posterRelPath = video.posterRelPath == null ? null : toRelPath(video.posterRelPath);
  if (!/^[0-9a-f]{64}$/i.test(video.sha256)) throw invalid('A video sha256 must be 64 hex characters.');
  const bytes = optionalCount(video.bytes, 'Video size');
  if (bytes === null) throw invalid('A video needs its size in bytes.');
  const width = optionalCount(video.width, 'Video width');
  const height = optionalCount(video.height, 'Video height');
  const durationMs = optionalCount(video.durationMs, 'Video duration');
  const now = ctx.clock.now();
  const id = newId(now);
  return inTransaction(ctx, () => {
    if (generationId !== null) {
      if (!ctx.stmt('SELECT 1 FROM generations WHERE id = ?').get(generationId)) throw notFound(generationId);
      ctx.stmt('DELETE FROM videos WHERE generation_id = ?').run(generationId);
    }
    const taken = ctx.stmt('SELECT generation_id FROM videos WHERE rel_path = ?').get(relPath);
    if (taken) throw invalid(`Another library entry already uses the file ${relPath}.`);
    ctx
      .stmt(
        `INSERT INTO videos (id, generation_id, rel_path, bytes, sha256, width, height, duration_ms,
           poster_rel_path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        generationId,
        relPath,
        bytes,
        video.sha256.toLowerCase(),
        width,
        height,
        durationMs,
        posterRelPath,
        now,
      );
    if (generationId !== null) {
      ctx.stmt('UPDATE generations SET updated_at = ? WHERE id = ?').run(now, generationId);
    }
    return videoFromRow(ctx.stmt('SELECT * FROM videos WHERE id = ?').get(id) as VideoRow);
  });
}

export function getVideo(ctx: LibraryContext, videoId: string): VideoRecord | null {
  const row = ctx.stmt('SELECT * FROM videos WHERE id = ?').get(videoId) as VideoRow | undefined;
  return row ? videoFromRow(row) : null;
}

export function findVideoBySha256(ctx: LibraryContext, sha256: string): VideoRecord | null {
  const row = ctx.stmt('SELECT * FROM videos WHERE sha256 = ? LIMIT 1').get(sha256.toLowerCase()) as
    | VideoRow
    | undefined;
  return row ? videoFromRow(row) : null;
}

export function setPoster(ctx: LibraryContext, videoId: string, posterRelPath: string): void {
  setThumbnail(ctx, videoId, 'poster_rel_path', posterRelPath);
}

export function setStrip(ctx: LibraryContext, videoId: string, stripRelPath: string): void {
  setThumbnail(ctx, videoId, 'strip_rel_path', stripRelPath);
}

function setThumbnail(
  ctx: LibraryContext,
  videoId: string,
  column: 'poster_rel_path' | 'strip_rel_path',
  relPath: string,
): void {
  const result = ctx.stmt(`UPDATE videos SET ${column} = ? WHERE id = ?`).run(toRelPath(relPath), videoId);
  if (result.changes === 0) {
    throw new StudioError({ kind: 'not_found', userMessage: `No video with id ${videoId} in the library.` });
  }
}

interface PartialRow {
  generation_id: string;
  url: string;
  part_rel_path: string;
  bytes_done: number;
  total_bytes: number | null;
  etag: string | null;
  last_modified: string | null;
}

export function getPartialDownload(ctx: LibraryContext, generationId: string): PartialDownload | null {
  const row = ctx.stmt('SELECT * FROM partial_downloads WHERE generation_id = ?').get(generationId) as
    | PartialRow
    | undefined;
  if (!row) return null;
  return {
    generationId: row.generation_id,
    url: row.url,
    partRelPath: row.part_rel_path,
    bytesDone: row.bytes_done,
    totalBytes: row.total_bytes,
    etag: row.etag,
    lastModified: row.last_modified,
  };
}

export function savePartialDownload(ctx: LibraryContext, download: PartialDownload): void {
  const partRelPath = toRelPath(download.partRelPath);
  const bytesDone = optionalCount(download.bytesDone, 'Downloaded bytes') ?? 0;
  const totalBytes = optionalCount(download.totalBytes, 'Total bytes');
  if (!ctx.stmt('SELECT 1 FROM generations WHERE id = ?').get(download.generationId)) {
    throw notFound(download.generationId);
  }
  ctx
    .stmt(
      `INSERT INTO partial_downloads (generation_id, url, part_rel_path, bytes_done, total_bytes, etag,
         last_modified, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (generation_id) DO UPDATE SET url = excluded.url, part_rel_path = excluded.part_rel_path,
         bytes_done = excluded.bytes_done, total_bytes = excluded.total_bytes, etag = excluded.etag,
         last_modified = excluded.last_modified, updated_at = excluded.updated_at`,
    )
    .run(
      download.generationId,
      download.url,
      partRelPath,
      bytesDone,
      totalBytes,
      download.etag,
      download.lastModified,
      ctx.clock.now(),
    );
}

export function clearPartialDownload(ctx: LibraryContext, generationId: string): void {
  ctx.stmt('DELETE FROM partial_downloads WHERE generation_id = ?').run(generationId);
}
