// The browser host serves the built renderer from memory: these drive the route through a real
// loopback server over a real folder, and check the answers a browser relies on (types, the
// security headers, caching that never serves stale bytes) and the paths it must refuse.
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoutedServer, listenOn } from '../../main/core/http/routed-server';
import { rendererRoute } from '../../main/host/renderer-files';

let dir = '';
let server: Server;
let base = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-renderer-files-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>one</title>');
  await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
  await writeFile(join(dir, 'assets', 'notes.txt'), 'not a renderer type');
  server = createRoutedServer({
    routes: [rendererRoute(dir, { 'Content-Security-Policy': "default-src 'self'" })],
  });
  base = `http://127.0.0.1:${await listenOn(server, 0)}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

describe('renderer files', () => {
  it('serves index.html at / with its type, the security headers and revalidation', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>one</title>');
  });

  it('lets the browser keep content-hashed assets, and answers a matching ETag with 304', async () => {
    const first = await fetch(`${base}/assets/index-abc123.js`);
    expect(first.headers.get('cache-control')).toContain('immutable');
    expect(first.headers.get('content-length')).toBe('15');
    expect(await first.text()).toBe('console.log(1);');
    const etag = first.headers.get('etag') ?? '';
    const again = await fetch(`${base}/assets/index-abc123.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves a rebuilt file fresh, never the copy it kept', async () => {
    const before = await fetch(`${base}/index.html`);
    const etag = before.headers.get('etag') ?? '';
    await before.text();
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>two, rebuilt</title>');
    const later = new Date(Date.now() + 5_000);
    await utimes(join(dir, 'index.html'), later, later);
    const after = await fetch(`${base}/index.html`, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain('two, rebuilt');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetch(`${base}/assets/index-abc123.js`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('15');
    expect(await response.text()).toBe('');
  });

  it('refuses what is not a renderer file: unknown types, missing files, folders, escapes', async () => {
    for (const path of [
      '/assets/notes.txt',
      '/assets/missing.js',
      '/assets',
      '/assets/..%2F..%2Fetc%2Fpasswd',
    ]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      await response.text();
    }
  });
});
