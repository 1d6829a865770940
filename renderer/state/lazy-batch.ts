// The batch store comes with the Batch view's code, not the first paint's: it parses CSV and
// checks plans with the contract's zod schemas, which the first chunk must not carry. Until the
// chunk arrives (prefetched right after the first paint) no batch can have been sent from this
// window, so an update has no batch row to refresh and skipping it loses nothing.
import { onDemand } from '../lib/on-demand';

const batchStore = onDemand(() => import('./batch').then((module) => module.useBatch));

/** The batch store once its chunk is loaded, else null (and the chunk starts loading). */
export function whenBatchLoaded(): ReturnType<typeof batchStore.now> {
  if (!batchStore.now()) void batchStore.load().catch(() => {});
  return batchStore.now();
}
