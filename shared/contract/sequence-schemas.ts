// The argument schemas of the `sequences` contract group (contract.ts lists the methods).
import { z } from 'zod';
import {
  MAX_SEQUENCE_CLIPS,
  MAX_SEQUENCE_NAME_LENGTH,
  SEQUENCE_FITS,
  type SequenceFit,
} from '../domain/sequences';
import { id } from './common-schemas';
import { fileRefSchema } from './file-refs';

const name = z.string().trim().min(1).max(MAX_SEQUENCE_NAME_LENGTH);
/** Trims are whole milliseconds; a day is far past any clip. */
const ms = z
  .number()
  .int()
  .min(0)
  .max(24 * 60 * 60 * 1000);

export const sequenceListSchema = z.object({ projectId: id.nullable().optional() }).strict().optional();

export const sequenceCreateSchema = z
  .object({
    name,
    projectId: id.nullable().default(null),
    /** Clips to start with (a library selection's "Add to a new sequence"), untrimmed, in order. */
    generationIds: z.array(id).max(MAX_SEQUENCE_CLIPS).default([]),
  })
  .strict();

export const sequenceRenameSchema = z.object({ id, name }).strict();

export const sequenceClipSchema = z
  .object({ generationId: id, inMs: ms, outMs: ms.nullable() })
  .strict()
  .refine((clip) => clip.outMs === null || clip.outMs > clip.inMs, {
    message: 'the out point must be after the in point',
    path: ['outMs'],
  });

export const sequenceSetClipsSchema = z
  .object({ id, clips: z.array(sequenceClipSchema).max(MAX_SEQUENCE_CLIPS) })
  .strict();

export const sequenceAppendSchema = z
  .object({ id, generationIds: z.array(id).min(1).max(MAX_SEQUENCE_CLIPS) })
  .strict();

export const sequenceSaveExportSchema = z
  .object({
    id,
    /** The rendered MP4, sent with sendFiles. */
    file: fileRefSchema,
    /** The clips in the order they were rendered: refused if the sequence changed meanwhile. */
    parts: z.array(id).min(1).max(MAX_SEQUENCE_CLIPS),
    /** Each part's trim as rendered (same order): a trim changed meanwhile refuses the save too. */
    trims: z
      .array(z.object({ inMs: ms, outMs: ms.nullable() }).strict())
      .max(MAX_SEQUENCE_CLIPS)
      .optional(),
    fit: z.enum(SEQUENCE_FITS as [SequenceFit, ...SequenceFit[]]),
  })
  .strict();
