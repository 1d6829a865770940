// Where a video came from and what was made from it: links between generations, stored by the
// library and shown in the detail panel. Process-agnostic.
import type { GenerationRecord } from './records';

/**
 * - continues: the child was made from the parent's last frame (a continuation);
 * - frame_of: the child was made from a frame in the middle of the parent (frameMs says which);
 * - remix_of: the child reused the parent's prompt and settings;
 * - sequence_part: the child is a sequence export and the parent one of its parts (position says where).
 */
export const LINK_KINDS = ['continues', 'frame_of', 'remix_of', 'sequence_part'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The links a new generation may be created with (a sequence export is recorded by the core). */
export const CREATE_LINK_KINDS = ['continues', 'frame_of', 'remix_of'] as const satisfies readonly LinkKind[];
export type CreateLinkKind = (typeof CREATE_LINK_KINDS)[number];

export interface NewLink {
  kind: LinkKind;
  parentId: string;
  /** The parent's frame the child started from (continues, frame_of), in ms from its start. */
  frameMs?: number | null;
  /** The part's place in a sequence export, from 0. */
  position?: number | null;
}

export interface LineageEntry {
  kind: LinkKind;
  /** The other end of the link: the parent in `parents`, the child in `children`. */
  generationId: string;
  frameMs: number | null;
  position: number | null;
  /** null when that generation was deleted for good (the link outlives it, so the panel can say so). */
  record: GenerationRecord | null;
}

export interface Lineage {
  /** Where this video came from (a sequence export has one per part, in order). */
  parents: LineageEntry[];
  /** What was made from it, newest first. */
  children: LineageEntry[];
}

/** What a create request may say of its origin (`generations.create`'s `lineage`). */
export interface CreateLineage {
  kind: CreateLinkKind;
  parentId: string;
  frameMs: number | null;
}
