// The contract over a WebSocket, for the browser host: the same dispatcher Electron's IPC gate
// uses, so every call is schema-checked the same way. Only sockets that present the random token
// and come from our own origin are accepted.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeWire, encodeWire } from '../../preload/wire';
import type { Dispatch } from '../service/dispatch';
import { forwardStudioEvents } from '../service/forward-events';
import type { StudioEventSource } from '../service/types';

const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export function tokenMatches(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function attachSocketBridge(options: {
  server: Server;
  token: string;
  allowedOrigin: () => string;
  dispatch: Dispatch;
  events: StudioEventSource;
}): { close(): void; clients(): number } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  options.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const originOk =
      request.headers.origin === undefined || request.headers.origin === options.allowedOrigin();
    if (url.pathname !== '/ws' || !originOk || !tokenMatches(options.token, url.searchParams.get('token'))) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws));
  });
  wss.on('connection', (ws: WebSocket) => {
    const send = (message: unknown) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(encodeWire(message));
    };
    const stop = forwardStudioEvents(options.events, (event, payload) => send({ event, payload }));
    ws.on('close', stop);
    ws.on('message', async (data) => {
      let message: unknown;
      try {
        message = decodeWire(data.toString());
      } catch {
        send({
          id: null,
          envelope: { ok: false, error: { kind: 'validation', message: 'Message is not JSON' } },
        });
        return;
      }
      const { id, channel, argument } = (message ?? {}) as {
        id?: unknown;
        channel?: unknown;
        argument?: unknown;
      };
      const envelope =
        typeof channel === 'string'
          ? await options.dispatch(channel, argument)
          : { ok: false as const, error: { kind: 'validation' as const, message: 'Message has no channel' } };
      send({ id: typeof id === 'number' || typeof id === 'string' ? id : null, envelope });
    });
  });
  return { close: () => wss.close(), clients: () => wss.clients.size };
}
