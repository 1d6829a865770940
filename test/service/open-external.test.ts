// app.openExternal refuses the same links in every host: the rule lives in the shared handler, so
// the browser host (whose platform adapter opens whatever it is given) refuses user:pass@ links
// and non-web schemes exactly like the Electron shell.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type BrowserHost, startBrowserHost } from '../../main/host/browser-host';
import type { Envelope } from '../../preload/contract';
import { decodeWire, encodeWire } from '../../preload/wire';

let dir: string;
let host: BrowserHost;
let socket: WebSocket;
let nextId = 0;

function call(channel: string, argument: unknown): Promise<Envelope<unknown>> {
  const id = ++nextId;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = decodeWire(data.toString()) as { id?: number; envelope?: Envelope<unknown> };
      if (message.id !== id || !message.envelope) return;
      socket.off('message', onMessage);
      resolve(message.envelope);
    };
    socket.on('message', onMessage);
    socket.send(encodeWire({ id, channel, argument }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-open-external-'));
  host = await startBrowserHost({
    userDataDir: join(dir, 'data'),
    libraryDir: join(dir, 'library'),
    forceDemo: true,
    secretService: `wan-studio-test-${process.pid}`,
  });
  socket = await new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ws?token=${host.token}`, {
      origin: host.origin,
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
});
afterAll(async () => {
  socket?.close();
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('app.openExternal in the browser host', () => {
  it.each([
    'https://user:pass@example.com/',
    'https://apixo.ai@evil.example/login',
    'http://:secret@example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
  ])('refuses %s', async (url) => {
    expect(await call('app.openExternal', { url })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request', message: expect.stringMatching(/without a user name or password/) },
    });
  });

  it('opens a plain web link', async () => {
    expect(await call('app.openExternal', { url: 'https://apixo.ai/docs' })).toEqual({
      ok: true,
      value: undefined,
    });
  });
});
