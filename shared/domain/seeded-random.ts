// A small seeded generator (mulberry32): the same seed gives the same sequence in every process:
// a batch expanded in the renderer's preview, the CLI and the core picks the same prompts, and the
// simulator's task durations, benchmarks and synthetic libraries repeat.

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number in [0, max], drawn from `random`. */
export function drawInt(random: () => number, max: number): number {
  return Math.floor(random() * (max + 1));
}
