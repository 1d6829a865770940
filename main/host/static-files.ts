// Serves the built renderer (dist/renderer) and library media to the browser host, with the same
// file response (Range support) and path policy as the Electron shell, so both hosts serve files the
// same way.

import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileResponse } from '../core/http/file-response';
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
