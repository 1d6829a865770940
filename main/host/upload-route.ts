// PUT /upload?kind=video|image|audio&name=… — the browser host's way to receive a dropped or chosen
// file without putting its bytes in a WebSocket frame (issue 8). Guarded like the socket: the
// session token (in a header, so another site's form cannot send it) and our own origin. The body
// is streamed to the upload store; the answer is the upload's id, which the page then names in a
// contract call (library.importFiles, images.inspect).
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  FILE_KINDS,
  FILE_LIMITS,
  type FileKind,
  UPLOAD_PATH,
  UPLOAD_TOKEN_HEADER,
} from '../../shared/contract/file-refs';
import type { Route } from '../core/http/routed-server';
import { type UploadStore, UploadTooLarge } from '../service/upload-store';

const MB = 1024 * 1024;

function answer(response: ServerResponse, status: number, body: { id: string } | { error: string }): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  // A refused body is not read: close the connection rather than leave it half-sent.
  const close = status >= 400 ? { Connection: 'close' } : {};
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...close });
  response.end(JSON.stringify(body));
}

function limitText(kind: FileKind): string {
  const limit = FILE_LIMITS[kind];
  return limit >= 1024 * MB ? `${limit / (1024 * MB)} GB` : `${limit / MB} MB`;
}

interface UploadRouteOptions {
  /** The control token (the one that opens the socket): uploading is as powerful as a call. */
  acceptsToken: (given: string | null) => boolean;
  origin: () => string;
  store: UploadStore;
}

/** The row for the browser host's route table (main/core/http/routed-server). */
export function uploadRoute(options: UploadRouteOptions): Route {
  return {
    path: UPLOAD_PATH,
    methods: ['PUT'],
    handle: (request, response, target) => handleUpload(request, response, target.searchParams, options),
  };
}

async function handleUpload(
  request: IncomingMessage,
  response: ServerResponse,
  query: URLSearchParams,
  options: UploadRouteOptions,
): Promise<void> {
  const originOk = request.headers.origin === undefined || request.headers.origin === options.origin();
  const token = request.headers[UPLOAD_TOKEN_HEADER];
  if (!originOk || !options.acceptsToken(typeof token === 'string' ? token : null)) {
    answer(response, 403, { error: 'This page may not send files to Wan Studio.' });
    return;
  }
  const kind = query.get('kind') as FileKind | null;
  const name = query.get('name') ?? '';
  if (!kind || !FILE_KINDS.includes(kind) || name.length === 0 || name.length > 255) {
    answer(response, 400, {
      error: 'An upload needs kind=video|image|audio and the file name (up to 255 characters).',
    });
    return;
  }
  const declared = Number(request.headers['content-length']);
  if (request.headers['content-length'] === undefined || !Number.isSafeInteger(declared) || declared < 0) {
    answer(response, 411, { error: 'The upload must say its size (Content-Length).' });
    return;
  }
  if (declared === 0) {
    answer(response, 400, { error: `${name} is empty.` });
    return;
  }
  const tooLarge = `${name} is larger than ${limitText(kind)}, the most Wan Studio takes for ${{ video: 'a video', image: 'an image', audio: 'an audio file' }[kind]}.`;
  if (declared > FILE_LIMITS[kind]) {
    answer(response, 413, { error: tooLarge });
    return;
  }
  try {
    const id = await options.store.receive(request, name, declared, FILE_LIMITS[kind]);
    answer(response, 201, { id });
  } catch (error) {
    if (error instanceof UploadTooLarge) answer(response, 413, { error: tooLarge });
    // The page went away or sent less than it said: nothing is kept.
    else answer(response, 400, { error: `${name} did not arrive completely. Try again.` });
  }
}
