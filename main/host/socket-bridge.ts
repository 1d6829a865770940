// The contract over a WebSocket, for the browser host: the same dispatcher Electron's IPC gate
// uses, so every call is schema-checked the same way. Only sockets that present the control token
// and come from our own origin are accepted. A client that breaks the WebSocket protocol (a frame
// too big, text that is not UTF-8, an unknown opcode or reserved bit) loses its own socket, closed
// with the code that says why (1009, 1007, 1002); everyone else is served on.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { StudioEventSource } from '../../shared/contract/event-hub';
import { decodeWire, encodeWire } from '../../shared/contract/wire';
import type { RequestTarget } from '../core/http/request-target';
import { refuseUpgrade, type UpgradeRoute } from '../core/http/routed-server';
import type { Logger } from '../core/log';
import type { Dispatch } from '../service/dispatch';
import { forwardStudioEvents } from '../service/forward-events';

// The largest message a client may send. Files travel as HTTP uploads (upload-route.ts), never in
// a frame; the largest call left is library.savePoster (a JPEG of at most 4 MB, base64 on the
// wire), and a data: link pasted into images.inspectUrl (the 45 MB image limit, base64).
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export function createSocketBridge(options: {
  /** The control token (this run's or a recent run's): the only secret that opens the socket. */
  acceptsToken: (given: string | null) => boolean;
  allowedOrigin: () => string;
  dispatch: Dispatch;
  events: StudioEventSource;
  log: Pick<Logger, 'warn'>;
}): { upgrade: UpgradeRoute; close(): void; clients(): number } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer, target: RequestTarget) => {
    const originOk =
      request.headers.origin === undefined || request.headers.origin === options.allowedOrigin();
    if (!originOk || !options.acceptsToken(target.searchParams.get('token'))) {
      refuseUpgrade(socket, 403);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws));
  };
  wss.on('connection', (ws: WebSocket) => {
    // ws has already sent the close frame with the right code; without this listener the
    // 'error' event would be thrown and take the whole host down.
    ws.on('error', (error) =>
      options.log.warn('browser host: a client broke the WebSocket protocol', { reason: error.message }),
    );
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
  return {
    upgrade: { path: '/ws', methods: ['GET'], handle: upgrade },
    close: () => {
      // A noServer WebSocketServer leaves its sockets open on close, and the HTTP server's close
      // then waits for them: a host with a tab open never finished stopping.
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
    clients: () => wss.clients.size,
  };
}
