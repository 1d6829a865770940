import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/core/http/csp';
import { createAppProtocolHandler } from '../../main/electron/app-protocol';
import { createMediaProtocolHandler } from '../../main/electron/media-protocol';

let base: string;
let rendererDir: string;
let library: string;
const video = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 256));

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'wan-protocols-')));
  rendererDir = join(base, 'renderer');
  library = join(base, 'library');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Wan Studio</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(rendererDir, 'assets', 'data.bin'), 'x');
  await writeFile(join(base, 'secret.js'), 'secret');
  await mkdir(join(library, 'Default'), { recursive: true });
  await writeFile(join(library, 'Default', 'clip.mp4'), video);
  await writeFile(join(library, 'Default', 'empty.mp4'), '');
  await writeFile(join(base, 'outside.mp4'), 'outside');
  await symlink(join(base, 'outside.mp4'), join(library, 'link.mp4'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('wan-studio://app protocol', () => {
  const handle = (url: string, init?: RequestInit) =>
    createAppProtocolHandler(rendererDir)(new Request(url, init));

  it('serves index.html with the CSP header', async () => {
    const response = await handle('wan-studio://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Wan Studio</title>');
  });

  it('serves assets with their type, and index.html for the root and client routes', async () => {
    const script = await handle('wan-studio://app/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    for (const url of ['wan-studio://app/', 'wan-studio://app', 'wan-studio://app/library/item']) {
      const page = await handle(url);
      expect(await page.text(), url).toContain('<title>');
    }
  });

  it('refuses traversal, other hosts, unknown types and missing files', async () => {
    expect((await handle('wan-studio://app/assets/..%2f..%2fsecret.js')).status).toBe(400);
    // The URL parser collapses an encoded dot-dot before we see it; it cannot climb past the root.
    const collapsed = await handle('wan-studio://app/%2e%2e/secret.js');
    expect(collapsed.status).toBe(404);
    expect(await collapsed.text()).toBe('');
    expect((await handle('wan-studio://app/a%5c..%5c..%5csecret.js')).status).toBe(400);
    expect((await handle('wan-studio://other/index.html')).status).toBe(404);
    expect((await handle('wan-studio://app/assets/data.bin')).status).toBe(404);
    expect((await handle('wan-studio://app/assets/missing.js')).status).toBe(404);
    const refused = await handle('wan-studio://app/missing.js');
    expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers only GET and HEAD', async () => {
    expect((await handle('wan-studio://app/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await handle('wan-studio://app/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('wan-media://library protocol', () => {
  let root = '';
  const handle = (url: string, init?: RequestInit) =>
    createMediaProtocolHandler(() => root)(new Request(url, init));

  beforeAll(() => {
    root = library;
  });

  it('serves a whole video with type, length and Accept-Ranges', async () => {
    const response = await handle('wan-media://library/Default/clip.mp4');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('access-control-allow-origin')).toBe('wan-studio://app');
    // The UI's frame decoder learns the file's size from a range's Content-Range.
    expect(response.headers.get('access-control-expose-headers')).toBe('Content-Range, Accept-Ranges');
    expect(Buffer.from(await response.arrayBuffer()).equals(video)).toBe(true);
  });

  it('answers a Range request with 206 and exactly those bytes', async () => {
    const response = await handle('wan-media://library/Default/clip.mp4', {
      headers: { Range: 'bytes=100-199' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(response.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await response.arrayBuffer()).equals(video.subarray(100, 200))).toBe(true);

    const tail = await handle('wan-media://library/Default/clip.mp4', { headers: { Range: 'bytes=-10' } });
    expect(tail.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(Buffer.from(await tail.arrayBuffer()).equals(video.subarray(990))).toBe(true);
  });

  it('answers 416 with the real size for a range past the end', async () => {
    const response = await handle('wan-media://library/Default/clip.mp4', {
      headers: { Range: 'bytes=5000-' },
    });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */1000');
  });

  it('serves an empty file and HEAD without a body', async () => {
    const empty = await handle('wan-media://library/Default/empty.mp4');
    expect(empty.status).toBe(200);
    expect(empty.headers.get('content-length')).toBe('0');
    const head = await handle('wan-media://library/Default/clip.mp4', { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('1000');
    expect(await head.text()).toBe('');
  });

  it('refuses traversal, symlink escapes, other hosts and other methods', async () => {
    expect((await handle('wan-media://library/..%2foutside.mp4')).status).toBe(400);
    const collapsed = await handle('wan-media://library/%2e%2e/outside.mp4');
    expect(collapsed.status).toBe(404);
    expect(await collapsed.text()).toBe('');
    expect((await handle('wan-media://library/link.mp4')).status).toBe(403);
    expect((await handle('wan-media://elsewhere/Default/clip.mp4')).status).toBe(404);
    const deleted = await handle('wan-media://library/Default/clip.mp4', { method: 'DELETE' });
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get('allow')).toBe('GET, HEAD');
    // Refused before the file system is asked: a missing file gets the same 405, not a 404.
    expect((await handle('wan-media://library/none.mp4', { method: 'PUT', body: 'x' })).status).toBe(405);
  });

  it('reads the library root at request time, so a moved library is followed', async () => {
    root = join(base, 'nowhere');
    expect((await handle('wan-media://library/Default/clip.mp4')).status).toBe(404);
    root = library;
    expect((await handle('wan-media://library/Default/clip.mp4')).status).toBe(200);
  });
});
