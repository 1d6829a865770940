// Coalesces bursts of per-record pushes. With 200 jobs running, main sends ~90 generation.updated
// and many more download.progress events a second; applying each one separately re-rendered the
// Queue that often. Pushes are kept by id (the newest wins, as it would have anyway) and applied
// together at most every FLUSH_MS, which a person cannot tell from instant.
const FLUSH_MS = 100;

export interface Batch<T> {
  push(item: T): void;
  /** Applies what is pending now (before a snapshot replaces the lists, or on unsubscribe). */
  flush(): void;
}

export function batchById<T extends { id: string }>(apply: (items: T[]) => void): Batch<T> {
  const pending = new Map<string, T>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.size === 0) return;
    const items = [...pending.values()];
    pending.clear();
    apply(items);
  };
  return {
    push(item) {
      pending.delete(item.id); // re-inserted last, so the order of arrival is kept
      pending.set(item.id, item);
      timer ??= setTimeout(flush, FLUSH_MS);
    },
    flush,
  };
}
