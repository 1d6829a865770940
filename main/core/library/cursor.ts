// Opaque keyset cursors: base64url of the sort it belongs to and the last row's sort key
// (ending with the id, the unique tiebreak). The next page starts strictly after that key, so rows
// inserted or removed meanwhile never shift the page the way OFFSET would.
import { StudioError } from '../errors';
import type { SortKey } from './types';

export type KeyValue = number | string;

interface CursorPayload {
  s: SortKey;
  k: KeyValue[];
}

export function encodeCursor(sort: SortKey, key: KeyValue[]): string {
  const payload: CursorPayload = { s: sort, k: key };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function badCursor(detail: string): StudioError {
  return new StudioError({
    kind: 'invalid_request',
    userMessage: 'The page cursor is not valid for this list. Start again from the first page.',
    detail,
  });
}

/** The key stored in `cursor`; it must have been made for `sort` with `length` values. */
export function decodeCursor(cursor: string, sort: SortKey, length: number): KeyValue[] {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('cursor is not base64url JSON');
  }
  if (typeof payload !== 'object' || payload === null) throw badCursor('cursor is not an object');
  const { s, k } = payload as Partial<CursorPayload>;
  if (s !== sort) throw badCursor(`cursor made for sort ${String(s)}, used with ${sort}`);
  if (!Array.isArray(k) || k.length !== length) throw badCursor('cursor key has the wrong length');
  for (const value of k) {
    const ok = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw badCursor('cursor key holds a value that is not a string or number');
  }
  return k;
}
