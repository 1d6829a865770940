// Answers that hold until the library changes: a query's total, how many rows its text or tag
// source yields. Paging through a large result then counts once, not once per page (at a million
// rows those counts were most of a keyset page's time). data_version moves when another connection
// (the CLI) commits; total_changes() moves when this one writes; either makes every entry stale.
import type { LibraryContext } from './context';

interface Memo {
  version: string;
  entries: Map<string, unknown>;
}

const memos = new WeakMap<LibraryContext, Memo>();
// Filter combinations of one session; the cap keeps a long one from growing without bound.
const MEMO_LIMIT = 256;

function currentVersion(ctx: LibraryContext): string {
  return `${ctx.db.pragma('data_version', { simple: true })}:${ctx.stmt('SELECT total_changes()').pluck().get()}`;
}

/** `compute()`'s value for `key`, computed at most once per version of the library. */
export function memoInVersion<T>(ctx: LibraryContext, key: string, compute: () => T): T {
  const version = currentVersion(ctx);
  let memo = memos.get(ctx);
  if (!memo || memo.version !== version || memo.entries.size >= MEMO_LIMIT) {
    memo = { version, entries: new Map() };
    memos.set(ctx, memo);
  }
  if (memo.entries.has(key)) return memo.entries.get(key) as T;
  const value = compute();
  memo.entries.set(key, value);
  return value;
}
