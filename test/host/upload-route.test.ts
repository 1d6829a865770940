// The browser host's upload route, in-process (real HTTP on loopback, real files): who may send,
// the size limit checked from Content-Length and while streaming, nothing left behind when a
// sender goes away, and an uploaded image judged by images.inspect once.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_STAGING_FOLDER } from '../../main/core/library/import';
import { type BrowserHost, startBrowserHost } from '../../main/host/browser-host';
import { isStudioApiError } from '../../main/service/in-process-api';
import { UPLOAD_PATH, UPLOAD_TOKEN_HEADER } from '../../shared/contract/file-refs';

const IMAGE = join(import.meta.dirname, '..', 'fixtures', 'images', 'still-80x64.png');
const MB = 1024 * 1024;

let dir = '';
let host: BrowserHost;
const uploadsDir = () => join(host.core.library().root, IMPORT_STAGING_FOLDER);

beforeAll(async () => {
  delete process.env.APIXO_API_KEY;
  dir = await mkdtemp(join(tmpdir(), 'wan-upload-route-'));
  host = await startBrowserHost({
    userDataDir: join(dir, 'data'),
    libraryDir: join(dir, 'library'),
    forceDemo: true,
    secretService: `wan-studio-upload-${process.pid}`,
  });
}, 60_000);
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

interface Sent {
  status: number;
  body: { id?: string; error?: string };
}

/** A PUT whose body is written by `send` (which may stop early and destroy the request). */
function put(
  query: string,
  headers: Record<string, string>,
  send: (outgoing: ReturnType<typeof request>) => void,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${host.origin}${UPLOAD_PATH}?${query}`, { method: 'PUT', headers });
    outgoing.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text || '{}') }));
    });
    outgoing.on('error', reject);
    send(outgoing);
  });
}

const withToken = (extra: Record<string, string> = {}) => ({ [UPLOAD_TOKEN_HEADER]: host.token, ...extra });

async function uploadBytes(bytes: Buffer, query: string): Promise<Sent> {
  return put(query, withToken({ 'Content-Length': String(bytes.length) }), (outgoing) => outgoing.end(bytes));
}

describe('PUT /upload', () => {
  it('refuses a sender without the token, or from another origin', async () => {
    const bytes = Buffer.from('x');
    const length = { 'Content-Length': '1' };
    expect((await put('kind=image&name=a.png', length, (o) => o.end(bytes))).status).toBe(403);
    const wrong = { ...length, [UPLOAD_TOKEN_HEADER]: `${host.token}x` };
    expect((await put('kind=image&name=a.png', wrong, (o) => o.end(bytes))).status).toBe(403);
    const elsewhere = withToken({ ...length, Origin: 'https://evil.example' });
    expect((await put('kind=image&name=a.png', elsewhere, (o) => o.end(bytes))).status).toBe(403);
    expect(await readdir(uploadsDir()).catch(() => [])).toEqual([]);
  });

  it('says what is missing: the kind, the name, the size', async () => {
    const bad = await uploadBytes(Buffer.from('x'), 'kind=document&name=a.pdf');
    expect(bad).toMatchObject({ status: 400, body: { error: expect.stringMatching(/kind=video\|image/) } });
    const empty = await uploadBytes(Buffer.alloc(0), 'kind=video&name=empty.mp4');
    expect(empty).toEqual({ status: 400, body: { error: 'empty.mp4 is empty.' } });
    const chunked = await put('kind=video&name=a.mp4', withToken(), (o) => {
      o.write('abc');
      o.end();
    });
    expect(chunked.status).toBe(411);
  });

  it('refuses a file over the limit from its Content-Length, before reading it, with the limit', async () => {
    const declared = { 'Content-Length': String(46 * MB) };
    const refused = await put('kind=image&name=huge.png', withToken(declared), (o) =>
      o.write(Buffer.alloc(1024)),
    );
    expect(refused).toEqual({
      status: 413,
      body: { error: 'huge.png is larger than 45 MB, the most Wan Studio takes for an image.' },
    });
    expect(await readdir(uploadsDir()).catch(() => [])).toEqual([]);
  });

  it('removes the temp file when the sender goes away mid-upload', async () => {
    const declared = { 'Content-Length': String(20 * MB) };
    await put('kind=video&name=cut.mp4', withToken(declared), (outgoing) => {
      outgoing.write(Buffer.alloc(2 * MB), () => setTimeout(() => outgoing.destroy(), 200));
    }).catch(() => null);
    await expect.poll(async () => readdir(uploadsDir()).catch(() => []), { timeout: 10_000 }).toEqual([]);
  });

  it('an uploaded image is judged by images.inspect under its name, once', async () => {
    const sent = await uploadBytes(await readFile(IMAGE), 'kind=image&name=harbour.png');
    expect(sent.status).toBe(201);
    const ref = { via: 'upload' as const, id: sent.body.id ?? '' };
    const inspection = await host.core.api.images.inspect({ file: ref });
    expect(inspection).toMatchObject({ status: 'ready', name: 'harbour.png', width: 80, height: 64 });
    expect(await readdir(uploadsDir())).toEqual([]);
    const again = await host.core.api.images.inspect({ file: ref }).catch((error: unknown) => error);
    expect(isStudioApiError(again) && again.kind).toBe('not_found');
  });
});
