// Server side of HTTP Range (RFC 9110 §14): what to answer when a <video> asks for part of a file.
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
