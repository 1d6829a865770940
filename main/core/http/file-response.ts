// A web Response for a file on disk, with single-range support so <video> can seek. Streamed, never
// read whole: a library video can be hundreds of megabytes.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { contentRange, decideRange, unsatisfiedContentRange } from './byte-range';

export interface ServedFile {
  path: string;
  size: number;
  contentType: string;
}

function fileStream(path: string, start: number, end: number): ReadableStream<Uint8Array> {
  // Node's web stream type and the DOM's are the same object at run time but distinct declarations.
  return Readable.toWeb(createReadStream(path, { start, end })) as unknown as ReadableStream<Uint8Array>;
}

export function fileResponse(
  request: Request,
  file: ServedFile,
  extraHeaders: Record<string, string> = {},
): Response {
  const headers = new Headers({
    ...extraHeaders,
    'Content-Type': file.contentType,
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    headers.set('Allow', 'GET, HEAD');
    return new Response(null, { status: 405, headers });
  }
  const range = decideRange(request.headers.get('range'), file.size);
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', unsatisfiedContentRange(file.size));
    return new Response(null, { status: 416, headers });
  }
  const [status, start, end] =
    range.kind === 'partial' ? [206, range.start, range.end] : [200, 0, file.size - 1];
  if (range.kind === 'partial') headers.set('Content-Range', contentRange(start, end, file.size));
  const length = end - start + 1;
  headers.set('Content-Length', String(length));
  const body = request.method === 'HEAD' || length === 0 ? null : fileStream(file.path, start, end);
  return new Response(body, { status, headers });
}
