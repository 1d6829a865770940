// The browser host's client side of the contract, against a real WebSocket server speaking the
// same protocol: calls and their errors, pushed events, bytes, and reconnecting after a drop.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { type ConnectionState, connectWsStudio } from '../../renderer/studio/ws-client';
import type { Envelope } from '../../shared/contract/contract';
import { decodeWire, encodeWire } from '../../shared/contract/wire';

type Reply = (channel: string, argument: unknown) => Envelope<unknown>;

function startServer(reply: Reply, port = 0): Promise<{ wss: WebSocketServer; url: string; port: number }> {
  return new Promise((resolve) => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port }, () => {
      const actual = (wss.address() as AddressInfo).port;
      resolve({ wss, url: `ws://127.0.0.1:${actual}/ws?token=t`, port: actual });
    });
    wss.on('connection', (socket) => {
      socket.on('message', (data) => {
        const { id, channel, argument } = decodeWire(String(data)) as {
          id: number;
          channel: string;
          argument: unknown;
        };
        socket.send(encodeWire({ id, envelope: reply(channel, argument) }));
      });
    });
  });
}

function closeServer(wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.terminate();
  return new Promise((resolve) => wss.close(() => resolve()));
}

const servers: WebSocketServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});

describe('WebSocket studio client', () => {
  it('resolves values, rejects with the contract error, and carries bytes', async () => {
    let received: unknown = null;
    const { wss, url } = await startServer((channel, argument) => {
      if (channel === 'library.savePoster') {
        received = argument;
        return { ok: true, value: undefined };
      }
      if (channel === 'key.clear') return { ok: false, error: { kind: 'invalid_key', message: 'nope' } };
      return { ok: true, value: { version: '9.9.9' } };
    });
    servers.push(wss);
    const client = connectWsStudio(url);

    await expect(client.api.app.info()).resolves.toEqual({ version: '9.9.9' });
    await expect(client.api.key.clear()).rejects.toEqual({ kind: 'invalid_key', message: 'nope' });
    await client.api.library.savePoster({ videoId: 'v1', jpeg: new Uint8Array([255, 216, 255]) });
    expect(received).toEqual({ videoId: 'v1', jpeg: new Uint8Array([255, 216, 255]) });
  });

  it('delivers pushed events to subscribers until they unsubscribe', async () => {
    const { wss, url } = await startServer(() => ({ ok: true, value: null }));
    servers.push(wss);
    const client = connectWsStudio(url);
    await client.api.queue.snapshot();
    const seen: boolean[] = [];
    const off = client.api.on('network.status', (status) => seen.push(status.online));
    for (const socket of wss.clients)
      socket.send(encodeWire({ event: 'network.status', payload: { online: false } }));
    await expect.poll(() => seen).toEqual([false]);
    off();
    for (const socket of wss.clients)
      socket.send(encodeWire({ event: 'network.status', payload: { online: true } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([false]);
  });

  it('reconnects after a drop, says the host is gone meanwhile, and lets a call made then complete', async () => {
    const first = await startServer(() => ({ ok: true, value: 'first' }));
    let hostAnswers = true;
    const client = connectWsStudio(first.url, async () => hostAnswers);
    const states: [ConnectionState, boolean][] = [];
    client.onState((state, reconnected) => states.push([state, reconnected]));
    await expect(client.api.app.info()).resolves.toBe('first');

    hostAnswers = false;
    await closeServer(first.wss);
    // Not "reconnecting, work continues": nothing answers, so the host is gone.
    await expect.poll(() => client.state()).toBe('host-gone');
    const pending = client.api.app.info();

    const second = await startServer(() => ({ ok: true, value: 'second' }), first.port);
    servers.push(second.wss);
    await expect(pending).resolves.toBe('second');
    expect(states).toContainEqual(['reconnecting', false]);
    expect(states).toContainEqual(['host-gone', false]);
    expect(states).toContainEqual(['open', true]);
  });

  it('says the tab is signed out when the host answers but refuses its token', async () => {
    const first = await startServer(() => ({ ok: true, value: 'first' }));
    const client = connectWsStudio(first.url, async () => true);
    await expect(client.api.app.info()).resolves.toBe('first');
    await closeServer(first.wss);
    // Back on the same port, but it does not know this tab's token.
    const refusing = new WebSocketServer({ host: '127.0.0.1', port: first.port, verifyClient: () => false });
    servers.push(refusing);
    await expect.poll(() => client.state(), { timeout: 10_000 }).toBe('signed-out');
  });

  it('without a token it never connects and says why', async () => {
    const client = connectWsStudio(null);
    expect(client.state()).toBe('no-token');
    await expect(client.api.app.info()).rejects.toMatchObject({ kind: 'network' });
  });
});
