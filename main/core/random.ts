// A tiny seeded PRNG (mulberry32): same seed, same sequence — repeatable simulator task durations,
// benchmarks and synthetic libraries. One copy, in shared/ (batch templates draw from it too).
import { seededRandom as mulberry32 } from '../../shared/domain/seeded-random';

export type Random = () => number;

export const seededRandom: (seed: number) => Random = mulberry32;
