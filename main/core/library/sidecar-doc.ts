// A generation's record → its sidecar document (shared/domain/sidecar.ts), and where the sidecar
// of a video lives. One builder for the three places the recipe goes: the sidecar next to the
// library file, the sidecar next to an export, and the MP4 metadata of an export.
import { basename } from 'node:path';
import { modelOf } from '../../../shared/domain/params';
import { SIDECAR_FORMAT, SIDECAR_VERSION, type Sidecar, sidecarNameOf } from '../../../shared/domain/sidecar';
import type { GenerationRecord } from './types';

/** A parent link as a sidecar keeps it (the lineage API's entry without the parent's record). */
export type SidecarParent = Sidecar['lineage']['parents'][number];

/** The sidecar's path relative to the library root, for a video's relPath. */
export function sidecarRelPath(videoRelPath: string): string {
  return sidecarNameOf(videoRelPath);
}

export interface SidecarContext {
  projectName: string | null;
  parents: SidecarParent[];
  app: string;
  now: number;
}

/** Null when the generation has no video (nothing to describe yet). */
export function buildSidecar(record: GenerationRecord, context: SidecarContext): Sidecar | null {
  const video = record.video;
  if (!video) return null;
  // A hosted image's (or audio's) link is a presigned URL that expires; it is not part of the recipe.
  const params = { ...record.params };
  if (record.imageSource === 'hosted') delete params.imageUrl;
  if (record.audioSource === 'hosted') delete params.audioUrl;
  return {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    writtenAt: context.now,
    app: context.app.slice(0, 64),
    generation: {
      id: record.id,
      origin: record.origin,
      sourceName: record.sourceName,
      model: modelOf(record.params),
      backend: record.backend,
      params,
      requestType: record.requestType,
      taskId: record.taskId,
      estimatedCostUsd: record.estimatedCostUsd,
      createdAt: record.createdAt,
      submittedAt: record.submittedAt,
      completedAt: record.completedAt,
      remoteCreateTime: record.remoteCreateTime,
      remoteCompleteTime: record.remoteCompleteTime,
      costTimeMs: record.costTimeMs,
      referenceImagePath: record.referenceImagePath,
      imageSource: record.imageSource,
    },
    curation: {
      favourite: record.favourite,
      rating: record.rating,
      notes: record.notes,
      tags: record.tags,
    },
    project: context.projectName ? { name: context.projectName } : null,
    lineage: { parents: context.parents },
    video: {
      fileName: basename(video.relPath),
      bytes: video.bytes,
      sha256: video.sha256.toLowerCase(),
      width: video.width,
      height: video.height,
      durationMs: video.durationMs,
    },
  };
}

/** The sidecar as written to disk: stable key order, indented for people who open it. */
export function sidecarJson(sidecar: Sidecar): string {
  return `${JSON.stringify(sidecar, null, 2)}\n`;
}
