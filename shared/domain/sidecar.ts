// The recipe of one video, as a file that travels with it: `<video>.json` next to every video in
// the library folder, and the same JSON inside an exported MP4's metadata (the `comment` tag).
// It is read back by import and by "rebuild the library from its folder", where it is untrusted
// input: bounded in size and parsed with this schema before anything of it is used.
// Process-agnostic: imports zod only.
import { z } from 'zod';
import { MODEL_IDS } from './models';
import { generationParamsDraftSchema, REQUEST_TYPES } from './params';
import { BACKENDS, IMAGE_SOURCES, ORIGINS } from './records';

export const SIDECAR_FORMAT = 'wan-studio.sidecar';
export const SIDECAR_VERSION = 1;
/** A real sidecar is a few KB (a 2,000-character prompt, notes, tags); anything far bigger is not ours. */
export const SIDECAR_MAX_BYTES = 256 * 1024;
/** Where a video's sidecar lives: next to it, the video's file name plus `.json`. */
export function sidecarNameOf(videoFileName: string): string {
  return `${videoFileName}.json`;
}

/** The link kinds a sidecar may name (the lineage API's LINK_KINDS, repeated so old readers stay strict). */
export const SIDECAR_LINK_KINDS = ['continues', 'frame_of', 'remix_of', 'sequence_part'] as const;

const time = z.number().int().min(0).max(8_640_000_000_000_000);
const optionalTime = time.nullable();
const text = (max: number) => z.string().max(max);

export const sidecarSchema = z
  .object({
    format: z.literal(SIDECAR_FORMAT),
    version: z.literal(SIDECAR_VERSION),
    /** When this file was written, and by which app version. */
    writtenAt: time,
    app: text(64),
    generation: z
      .object({
        id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
        origin: z.enum(ORIGINS),
        /** The file name an imported video had. */
        sourceName: text(1024).nullable(),
        model: z.enum(MODEL_IDS),
        backend: z.enum(BACKENDS),
        /** Every parameter sent (prompt, negative prompt, resolution, duration, ratio, seed…); a hosted image's expiring link is left out. */
        params: generationParamsDraftSchema,
        requestType: z.enum(REQUEST_TYPES),
        taskId: text(200).nullable(),
        estimatedCostUsd: z.number().min(0).max(1_000_000),
        createdAt: time,
        submittedAt: optionalTime,
        completedAt: optionalTime,
        remoteCreateTime: optionalTime,
        remoteCompleteTime: optionalTime,
        costTimeMs: z.number().int().min(0).nullable(),
        /** The reference image in the library (references/<sha256>.<ext>), for image-to-video. */
        referenceImagePath: text(300).nullable(),
        imageSource: z.enum(IMAGE_SOURCES).nullable(),
      })
      .strict(),
    curation: z
      .object({
        favourite: z.boolean(),
        rating: z.number().int().min(0).max(5),
        notes: text(10_000),
        tags: z.array(z.string().trim().min(1).max(64)).max(50),
      })
      .strict(),
    project: z
      .object({ name: z.string().trim().min(1).max(100) })
      .strict()
      .nullable(),
    lineage: z
      .object({
        parents: z
          .array(
            z
              .object({
                kind: z.enum(SIDECAR_LINK_KINDS),
                generationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
                frameMs: z.number().int().min(0).nullable(),
                position: z.number().int().min(0).nullable(),
              })
              .strict(),
          )
          .max(1000),
      })
      .strict(),
    video: z
      .object({
        fileName: text(255),
        bytes: z.number().int().min(0),
        /** The video file's sha256, as the server sent it: a sidecar names the bytes it describes. */
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        width: z.number().int().min(1).max(100_000).nullable(),
        height: z.number().int().min(1).max(100_000).nullable(),
        durationMs: z.number().int().min(0).nullable(),
      })
      .strict(),
  })
  .strict();

export type Sidecar = z.output<typeof sidecarSchema>;

export type SidecarReading = { ok: true; sidecar: Sidecar } | { ok: false; reason: string };

/**
 * Parses a sidecar's text. Never throws: a file that is too big, not JSON, another format or
 * version, or fails the schema comes back with the reason (shown in the import result).
 */
export function readSidecarText(json: string): SidecarReading {
  if (json.length > SIDECAR_MAX_BYTES) return { ok: false, reason: 'The recipe is too large to be ours.' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'The recipe is not valid JSON.' };
  }
  const head = value as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== SIDECAR_FORMAT)
    return { ok: false, reason: 'Not a Wan Studio recipe.' };
  if (typeof head.version === 'number' && head.version > SIDECAR_VERSION)
    return { ok: false, reason: `The recipe is from a newer Wan Studio (format version ${head.version}).` };
  const parsed = sidecarSchema.safeParse(value);
  if (parsed.success) return { ok: true, sidecar: parsed.data };
  const first = parsed.error.issues[0];
  const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
  return {
    ok: false,
    reason: `The recipe does not match its format${where}: ${first?.message ?? 'invalid'}.`,
  };
}
