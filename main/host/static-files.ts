// Serves the built renderer (dist/renderer) and library media to the browser host, reusing the
// Electron shell's file response (Range support) and path policy, so both hosts serve files the
// same way. Node's http objects are bridged to web Request/Response for that.

import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { RequestTarget } from '../core/http/request-target';
import type { Route } from '../core/http/routed-server';
import { fileResponse } from '../electron/file-response';
import { resolveLibraryFile } from '../service/media-path';
import { extensionOf, safePathSegments } from '../service/safe-url-path';

const RENDERER_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  json: 'application/json',
  map: 'application/json',
};

/** A web Request for a request the route table has already let through (target and method checked). */
function toWebRequest(request: IncomingMessage, target: RequestTarget): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const url = new URL(target.pathname, 'http://127.0.0.1');
  url.search = target.searchParams.toString();
  return new Request(url, { method: request.method, headers });
}

/** A route whose handler speaks web Request/Response, like Electron's protocol handlers. */
export function webRoute(
  path: string,
  methods: readonly string[],
  handle: (request: Request, target: RequestTarget) => Promise<Response>,
): Route {
  return {
    path,
    methods,
    handle: async (request, response, target) =>
      sendWebResponse(await handle(toWebRequest(request, target), target), response),
  };
}

async function sendWebResponse(response: Response, target: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  target.writeHead(response.status, headers);
  if (!response.body) {
    target.end();
    return;
  }
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('error', () => target.destroy());
  body.pipe(target);
}

export async function rendererFile(
  rendererDir: string,
  pathname: string,
): Promise<{ path: string; size: number; contentType: string } | null> {
  const segments = safePathSegments(pathname === '/' ? '/index.html' : pathname);
  if (!segments || segments.length === 0) return null;
  const name = segments.at(-1) ?? '';
  const contentType = RENDERER_TYPES[extensionOf(name)];
  if (!contentType) return null;
  const path = join(rendererDir, ...segments);
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? { path, size: info.size, contentType } : null;
}

export async function serveRenderer(
  request: Request,
  rendererDir: string,
  headers: Record<string, string>,
): Promise<Response> {
  const file = await rendererFile(rendererDir, new URL(request.url).pathname);
  if (!file) return new Response('Not found', { status: 404 });
  return fileResponse(request, file, headers);
}

export async function serveMedia(request: Request, libraryRoot: string, pathname: string): Promise<Response> {
  const resolved = await resolveLibraryFile(libraryRoot, pathname);
  if (!resolved.ok) return new Response(resolved.reason, { status: resolved.status });
  return fileResponse(request, resolved);
}
