// Sequences: an ordered list of clips, each trimmed to [inMs, outMs), played and exported as one
// video. What a sequence is and the arithmetic every side shares (the editor's total, the
// preview's timeline, the export's frame plan) live here once. Process-agnostic.
import type { GenerationRecord } from './records';
import { isTerminal } from './states';

export const MAX_SEQUENCE_NAME_LENGTH = 100;
/** A long film is many sequences; this keeps one editor row and one export bounded. */
export const MAX_SEQUENCE_CLIPS = 200;
/** The shortest part worth a cut: a few frames at 25 fps. */
export const MIN_CLIP_MS = 100;

export type SequenceFit = 'letterbox' | 'crop';
export const SEQUENCE_FITS: readonly SequenceFit[] = ['letterbox', 'crop'];

export interface SequenceClip {
  /** 0-based, dense: the order the clips play in. */
  position: number;
  generationId: string;
  inMs: number;
  /** null: to the end of the clip (the length of a clip still in progress is not known yet). */
  outMs: number | null;
  /** The clip as the library has it now; null when it was deleted for good. */
  record: GenerationRecord | null;
  /**
   * Its lineage says it continues the clip before it: its first frame repeats that clip's last,
   * so the preview and the export skip it.
   */
  continuesPrevious: boolean;
}

export interface Sequence {
  id: string;
  name: string;
  projectId: string | null;
  createdAt: number;
  updatedAt: number;
  clips: SequenceClip[];
}

export interface SequenceSummary {
  id: string;
  name: string;
  projectId: string | null;
  clipCount: number;
  updatedAt: number;
}

/** The clip's own length, when its video is in the library. */
export function sourceDurationMs(clip: Pick<SequenceClip, 'record'>): number | null {
  return clip.record?.video?.durationMs ?? null;
}

/** Where the part ends: the trim, or the end of the video (null while that is unknown). */
export function effectiveOutMs(clip: Pick<SequenceClip, 'outMs' | 'record'>): number | null {
  const duration = sourceDurationMs(clip);
  if (clip.outMs === null) return duration;
  return duration === null ? clip.outMs : Math.min(clip.outMs, duration);
}

/** The trimmed length of one part (0 while it cannot be known). */
export function partLengthMs(clip: Pick<SequenceClip, 'inMs' | 'outMs' | 'record'>): number {
  const out = effectiveOutMs(clip);
  return out === null ? 0 : Math.max(0, out - clip.inMs);
}

export function sequenceDurationMs(
  clips: readonly Pick<SequenceClip, 'inMs' | 'outMs' | 'record'>[],
): number {
  return clips.reduce((total, clip) => total + partLengthMs(clip), 0);
}

/** Why a part cannot be played or exported yet; null when it can. */
export type ClipProblem = 'in_progress' | 'failed' | 'trashed' | 'deleted' | 'too_short';

export function clipProblem(clip: SequenceClip): ClipProblem | null {
  const record = clip.record;
  if (!record) return 'deleted';
  if (record.deletedAt !== null) return 'trashed';
  if (!record.video) return isTerminal(record.state) ? 'failed' : 'in_progress';
  return partLengthMs(clip) < MIN_CLIP_MS ? 'too_short' : null;
}

/** One part on the sequence's timeline: where it starts in the sequence and which range of its clip it plays. */
export interface TimelinePart {
  index: number;
  generationId: string;
  startMs: number;
  inMs: number;
  outMs: number;
  /** Its first frame repeats the previous part's last: the preview and the export leave it out. */
  continuesPrevious: boolean;
}

/** The playable timeline: parts with a problem are left out (the editor says why). */
export function timelineOf(clips: readonly SequenceClip[]): TimelinePart[] {
  const parts: TimelinePart[] = [];
  let startMs = 0;
  clips.forEach((clip, index) => {
    const outMs = effectiveOutMs(clip);
    if (clipProblem(clip) !== null || outMs === null) return;
    parts.push({
      index,
      generationId: clip.generationId,
      startMs,
      inMs: clip.inMs,
      outMs,
      continuesPrevious: clip.continuesPrevious,
    });
    startMs += outMs - clip.inMs;
  });
  return parts;
}

/** Wan's frame rate, for a clip whose own rate is not known (yet). */
export const WAN_FPS = 24;

/**
 * Where in its clip (ms) the preview shows `localMs` into a part. A continuation whose in point is
 * still on its first frame starts after that frame, as the export does (it repeats the previous
 * shot's last); 1 ms past the frame's end so a seek lands in the next frame, not on the boundary.
 * An in point trimmed past the first frame already leaves the repeat out: nothing more is skipped.
 */
export function previewClipMs(part: TimelinePart, localMs: number, fps: number | null): number {
  const at = part.inMs + Math.max(0, localMs);
  const frameMs = 1000 / (fps && fps > 0 ? fps : WAN_FPS);
  if (!part.continuesPrevious || part.inMs >= frameMs) return at;
  return Math.min(Math.max(at, frameMs + 1), part.outMs);
}

/**
 * Where the shot a continuation was made from should end in a sequence: right after the frame the
 * continuation starts from (`frameMs`, the sharpest of its last half second), so the cut goes on from
 * that frame instead of jumping back up to half a second. 1 ms before the next frame starts.
 */
export function continuationCutMs(frameMs: number, fps: number | null): number {
  const frameDurationMs = 1000 / (fps && fps > 0 ? fps : WAN_FPS);
  return Math.round(frameMs + frameDurationMs) - 1;
}

/** The part playing at a point of the sequence (the last one at or past its end). */
export function partAt(parts: readonly TimelinePart[], sequenceMs: number): TimelinePart | null {
  let found: TimelinePart | null = null;
  for (const part of parts) if (part.startMs <= sequenceMs) found = part;
  return found;
}
