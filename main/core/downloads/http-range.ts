// The small pieces of HTTP a resumable download needs: reading headers, Content-Range, and which
// validator may go into If-Range.
import type { IncomingHttpHeaders } from 'node:http';

export function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

export function contentLength(headers: IncomingHttpHeaders): number | null {
  const raw = headerValue(headers, 'content-length');
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

export interface ContentRange {
  /** null for the unsatisfied form `bytes *\/total`. */
  start: number | null;
  end: number | null;
  /** null when the server wrote `*` (length unknown). */
  total: number | null;
}

export function parseContentRange(raw: string | null): ContentRange | null {
  if (!raw) return null;
  const satisfied = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(raw.trim());
  if (satisfied) {
    const [, start = '', end = '', total = '*'] = satisfied;
    return { start: Number(start), end: Number(end), total: total === '*' ? null : Number(total) };
  }
  const unsatisfied = /^bytes\s+\*\/(\d+)$/i.exec(raw.trim());
  if (unsatisfied) return { start: null, end: null, total: Number(unsatisfied[1]) };
  return null;
}

/**
 * If-Range needs a strong validator (RFC 9110 §13.1.5): a weak ETag there makes the server send
 * the whole file, which would waste the part we have. Fall back to Last-Modified.
 */
export function ifRangeValidator(etag: string | null, lastModified: string | null): string | null {
  if (etag && !etag.startsWith('W/')) return etag;
  return lastModified;
}
