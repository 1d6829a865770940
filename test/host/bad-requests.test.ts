// No request line can take down a server we run. The browser host (a real process) and the demo
// reference-image server answer TRACE, malformed targets, bad upgrade requests and garbage bytes
// with 400/404/405 (naming the allowed methods) and go on serving.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationRecord, LibraryStore } from '../../main/core/library/types';
import { DemoReferenceHost } from '../../main/service/demo-reference-host';
import { type HostProcess, rawExchange, startHostProcess, statusOf } from '../helpers/host-process';

const UPGRADE =
  'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

function request(port: number, line: string, extraHeaders = ''): string {
  const connection = extraHeaders.includes('Upgrade:') ? '' : 'Connection: close\r\n';
  return `${line}\r\nHost: 127.0.0.1:${port}\r\n${connection}${extraHeaders}\r\n`;
}

async function statusFor(port: number, line: string, extraHeaders = ''): Promise<number | null> {
  return statusOf(await rawExchange(port, request(port, line, extraHeaders)));
}

async function allowFor(port: number, line: string): Promise<string | undefined> {
  const reply = (await rawExchange(port, request(port, line))).toString('latin1');
  return /^allow: (.*)\r$/im.exec(reply)?.[1];
}

/** What every one of our servers must survive, with the answer it must give. */
const MALFORMED_TARGETS = [
  'GET http://[ HTTP/1.1',
  'GET %%% HTTP/1.1',
  'GET http://127.0.0.1/ HTTP/1.1', // absolute-form: we are nobody's proxy
  'GET index.html HTTP/1.1', // no leading slash
  'GET //elsewhere/x HTTP/1.1',
  'OPTIONS * HTTP/1.1',
];

let dir = '';
let host: HostProcess;
let reference: DemoReferenceHost;
let referencePort = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-host-bad-'));
  const library = join(dir, 'library');
  await mkdir(join(library, 'references'), { recursive: true });
  await writeFile(join(library, 'references', 'ref.png'), Buffer.from('not really a png'));
  host = await startHostProcess(join(dir, 'data'), library);
  reference = new DemoReferenceHost(() => ({ root: library }) as LibraryStore, Date.now);
  const { url } = await reference.link({ referenceImagePath: 'references/ref.png' } as GenerationRecord);
  referencePort = Number(new URL(url).port);
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await reference?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the browser host', () => {
  it('answers TRACE and other methods it does not take with 405 and Allow', async () => {
    expect(await statusFor(host.port, 'TRACE / HTTP/1.1')).toBe(405);
    expect(await allowFor(host.port, 'TRACE / HTTP/1.1')).toBe('GET, HEAD');
    expect(await statusFor(host.port, 'DELETE /media/x/clip.mp4 HTTP/1.1')).toBe(405);
    expect(await allowFor(host.port, 'GET /session HTTP/1.1')).toBe('POST');
    expect(host.alive()).toBe(true);
  });

  it('answers malformed request targets with 400', async () => {
    for (const line of MALFORMED_TARGETS) expect(await statusFor(host.port, line), line).toBe(400);
    expect(host.alive()).toBe(true);
  });

  it('answers bad upgrade requests without upgrading', async () => {
    expect(await statusFor(host.port, 'GET http://[ HTTP/1.1', UPGRADE)).toBe(400);
    expect(await statusFor(host.port, 'GET %%% HTTP/1.1', UPGRADE)).toBe(400);
    expect(await statusFor(host.port, 'GET /elsewhere HTTP/1.1', UPGRADE)).toBe(404);
    expect(await statusFor(host.port, 'POST /ws HTTP/1.1', UPGRADE)).toBe(405);
    expect(await statusFor(host.port, 'GET /ws?token=wrong HTTP/1.1', UPGRADE)).toBe(403);
    expect(host.alive()).toBe(true);
  });

  it('answers garbage on the TCP socket with 400', async () => {
    expect(statusOf(await rawExchange(host.port, '\u0001\u0002 not http at all\r\n\r\n'))).toBe(400);
    expect(statusOf(await rawExchange(host.port, 'GET / HTTP/1.1\r\nBad Header\r\n\r\n'))).toBe(400);
  });

  it('still serves the page afterwards', async () => {
    expect(host.alive()).toBe(true);
    expect(await statusFor(host.port, 'GET / HTTP/1.1')).toBe(200);
    expect(await statusFor(host.port, 'HEAD / HTTP/1.1')).toBe(200);
  });
});

describe('the demo reference-image server', () => {
  it('answers TRACE with 405 and Allow, malformed targets and upgrades with 400', async () => {
    expect(await statusFor(referencePort, 'TRACE /references/ref.png HTTP/1.1')).toBe(405);
    expect(await allowFor(referencePort, 'TRACE /references/ref.png HTTP/1.1')).toBe('GET, HEAD');
    for (const line of MALFORMED_TARGETS) expect(await statusFor(referencePort, line), line).toBe(400);
    expect(await statusFor(referencePort, 'GET http://[ HTTP/1.1', UPGRADE)).toBe(400);
    expect(await statusFor(referencePort, 'GET /other HTTP/1.1', UPGRADE)).toBe(404);
    expect(statusOf(await rawExchange(referencePort, '\u0001 garbage\r\n\r\n'))).toBe(400);
  });

  it('still serves its files afterwards', async () => {
    expect(await statusFor(referencePort, 'GET /references/ref.png HTTP/1.1')).toBe(200);
    expect(await statusFor(referencePort, 'GET /references/../secret.png HTTP/1.1')).toBe(404);
  });
});
