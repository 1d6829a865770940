// Serves the built UI (dist/renderer) on wan-studio://app/. Every response carries the CSP header,
// so the policy holds even if the HTML's meta tag were ever lost. Paths without an extension fall
// back to index.html (client-side routes); unknown file types are not served at all.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkMethod, parseAbsoluteUrl, READ_METHODS } from '../core/http/request-target';
import { extensionOf, safePathSegments } from '../service/safe-url-path';
import { APP_HOST, APP_SCHEME } from './app-identity';
import { CONTENT_SECURITY_POLICY } from './csp';

export const APP_CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  wasm: 'application/wasm',
};

export const APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function notServed(status: number, extra: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...APP_SECURITY_HEADERS, ...extra } });
}

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const method = checkMethod(request.method, READ_METHODS);
    if (!method.ok) return notServed(method.status, { Allow: method.allow });
    const url = parseAbsoluteUrl(request.url);
    if (!url) return notServed(400);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notServed(404);
    // Electron gives standard-scheme URLs a '/' path; Node's parser leaves it empty.
    const segments = safePathSegments(url.pathname || '/');
    if (segments === null) return notServed(400);
    const last = segments.at(-1);
    const wanted = last === undefined || extensionOf(last) === '' ? ['index.html'] : segments;
    const contentType = APP_CONTENT_TYPES[extensionOf(wanted.at(-1) ?? '')];
    if (!contentType) return notServed(404);
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readFile(join(rendererDir, ...wanted));
    } catch {
      return notServed(404);
    }
    const headers = { ...APP_SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
  };
}
