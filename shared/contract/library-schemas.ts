// The argument schemas of the `library` group's queries (contract.ts lists the methods).
import { z } from 'zod';
import { MODEL_IDS } from '../domain/models';
import { ASPECT_RATIOS, DURATIONS, MODES, RESOLUTIONS } from '../domain/params';
import { GENERATION_STATES } from '../domain/states';
import { id } from './common-schemas';

export const libraryQuerySchema = z
  .object({
    text: z.string().max(500).optional(),
    projectId: id.nullable().optional(),
    batchId: id.optional(),
    states: z.array(z.enum(GENERATION_STATES)).max(GENERATION_STATES.length).optional(),
    resolution: z.enum(RESOLUTIONS).optional(),
    duration: z.union([z.literal(DURATIONS[0]), z.literal(DURATIONS[1])]).optional(),
    aspectRatio: z.enum(ASPECT_RATIOS).optional(),
    mode: z.enum(MODES).optional(),
    model: z.enum(MODEL_IDS).optional(),
    favourite: z.boolean().optional(),
    tag: z.string().min(1).max(64).optional(),
    createdFrom: z.number().int().nonnegative().optional(),
    createdTo: z.number().int().nonnegative().optional(),
    trashed: z.boolean().optional(),
    sort: z.enum(['created_desc', 'created_asc', 'rating_desc']).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    cursor: z.string().max(500).nullable().optional(),
  })
  .strict();
