// Server side of HTTP Range (RFC 9110 §14): what to answer when a client (a <video>, our own
// downloader talking to the simulator) asks for part of a file. Shared by every server we run.
// One range only; a multi-range request or a header we cannot read is ignored and the whole file is
// sent, which the RFC allows and every media element handles.

export type RangeDecision =
  | { kind: 'full' }
  /** `end` is inclusive, as in Content-Range. */
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes\s*=\s*(\d*)\s*-\s*(\d*)$/i;

export function decideRange(header: string | null | undefined, size: number): RangeDecision {
  if (!header) return { kind: 'full' };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'full' };

  if (first === '') {
    // Suffix form "bytes=-N": the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return { kind: 'unsatisfiable' };
  if (last === '') return { kind: 'partial', start, end: size - 1 };
  const end = Number(last);
  // "bytes=5-3" is not a valid range: ignore the header rather than refuse the request.
  if (end < start) return { kind: 'full' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

/** Sent with 416 so the client learns the real size. */
export function unsatisfiedContentRange(size: number): string {
  return `bytes */${size}`;
}

/**
 * If-Range (RFC 9110 §13.1.5): an ETag must match strongly; a date must equal Last-Modified.
 * Anything else means the client's partial copy is stale, so it gets the whole new body.
 */
export function ifRangeMatches(ifRange: string | undefined, etag: string, lastModified: string): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('W/')) return false;
  if (value.startsWith('"')) return value === etag;
  const asked = Date.parse(value);
  return Number.isFinite(asked) && asked === Date.parse(lastModified);
}
