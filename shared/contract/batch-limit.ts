// How many videos one create call makes at least and at most. Zod-free: the Generate form shows
// these at first paint, before the schemas (and zod) are loaded; generation-schemas.ts builds the
// contract's check from them.
export const MIN_BATCH = 1;
export const MAX_BATCH = 20;
