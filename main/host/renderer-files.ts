// The built renderer (dist/renderer), served to the browser host's page from memory. Each file is
// read once, on its first request, and answered from a Buffer after that: no stream and no web
// Request/Response bridge per request, which is what a cold page load (~35 files at once) waited
// on. A file is re-read when its size or mtime changes, so a rebuild under a running host is served
// fresh. Vite names everything under assets/ by content, so the browser keeps those for good (a
// reload or a second tab asks for nothing); index.html is revalidated against its ETag.
//
// Not compressed: over loopback the bytes cost nothing and gzip would cost the host CPU.

import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { READ_METHODS } from '../core/http/request-target';
import type { Route } from '../core/http/routed-server';
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

interface LoadedFile {
  body: Buffer;
  etag: string;
  contentType: string;
  /** Content-hashed (under assets/): the same name always has the same bytes. */
  immutable: boolean;
}

/** The file a renderer URL path names, or null for anything outside the folder or of an unknown type. */
export async function rendererFile(
  rendererDir: string,
  pathname: string,
): Promise<{ path: string; size: number; mtimeMs: number; contentType: string; immutable: boolean } | null> {
  const segments = safePathSegments(pathname === '/' ? '/index.html' : pathname);
  if (!segments || segments.length === 0) return null;
  const contentType = RENDERER_TYPES[extensionOf(segments.at(-1) ?? '')];
  if (!contentType) return null;
  const path = join(rendererDir, ...segments);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  return { path, size: info.size, mtimeMs: info.mtimeMs, contentType, immutable: segments[0] === 'assets' };
}

/** Serves the renderer under `/`, with `headers` (the CSP and friends) on every answer. */
export function rendererRoute(rendererDir: string, headers: Record<string, string>): Route {
  // By path: the file's version (size + mtime) and its bytes, shared by concurrent requests.
  const cache = new Map<string, { version: string; loaded: Promise<LoadedFile> }>();

  async function load(pathname: string): Promise<LoadedFile | null> {
    const file = await rendererFile(rendererDir, pathname);
    if (!file) return null;
    const version = `${file.size.toString(36)}-${Math.trunc(file.mtimeMs).toString(36)}`;
    let entry = cache.get(file.path);
    if (entry?.version !== version) {
      const loaded = readFile(file.path).then((body) => ({
        body,
        etag: `"${version}"`,
        contentType: file.contentType,
        immutable: file.immutable,
      }));
      entry = { version, loaded };
      cache.set(file.path, entry);
      // A failed read is not kept: the next request tries again.
      loaded.catch(() => cache.delete(file.path));
    }
    return entry.loaded;
  }

  return {
    path: '/',
    methods: READ_METHODS,
    async handle(request: IncomingMessage, response: ServerResponse, target) {
      const file = await load(target.pathname).catch(() => null);
      if (!file) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const common = {
        ...headers,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        ETag: file.etag,
      };
      if (request.headers['if-none-match'] === file.etag) {
        response.writeHead(304, common).end();
        return;
      }
      response.writeHead(200, {
        ...common,
        'Content-Type': file.contentType,
        'Content-Length': String(file.body.length),
      });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    },
  };
}
