// The life of a generation. Every transition is persisted by the library and emitted as an event.
export const GENERATION_STATES = [
  /** Waits for the user before sending: staged, or stopped by a spending cap (see hold). */
  'held',
  'queued',
  'submitting',
  'pending',
  'processing',
  'downloading',
  'done',
  'failed',
  'uncertain',
  'stalled',
  'expired',
  'cancelled',
] as const;

export type GenerationState = (typeof GENERATION_STATES)[number];

/** States the engine never leaves on its own (uncertain and stalled wait for the user but are not final). */
export const TERMINAL_STATES: ReadonlySet<GenerationState> = new Set([
  'done',
  'failed',
  'expired',
  'cancelled',
]);

/** A remote task exists (or may exist) and costs money: these count against the 1000-task cap. */
export const REMOTE_STATES: ReadonlySet<GenerationState> = new Set(['submitting', 'pending', 'processing']);

export function isTerminal(state: GenerationState): boolean {
  return TERMINAL_STATES.has(state);
}
