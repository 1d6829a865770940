// Every loopback HTTP server we run (browser host, demo reference images, callback receiver) is
// built here, so no client can take one down: the request target and method are checked against a
// small route table before any handler runs (400 malformed, 404 no route, 405 with Allow), a handler
// that throws or rejects becomes a 500 for that request only, garbage on the TCP socket
// ('clientError') gets a 400 and a closed connection, and upgrade requests go through the same
// table. Handlers get Node's objects untouched, so a streaming upload route fits as well as a file.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { checkMethod, parseRequestTarget, type RequestTarget } from './request-target';

interface RouteBase {
  /** Exact path ("/ws"), or a prefix when it ends with "/" ("/media/"; "/" matches everything). */
  readonly path: string;
  readonly methods: readonly string[];
}

export interface Route extends RouteBase {
  handle(request: IncomingMessage, response: ServerResponse, target: RequestTarget): void | Promise<void>;
}

export interface UpgradeRoute extends RouteBase {
  handle(request: IncomingMessage, socket: Duplex, head: Buffer, target: RequestTarget): void;
}

export interface RoutedServerOptions {
  routes: readonly Route[];
  upgrades?: readonly UpgradeRoute[];
  /** Told about a handler failure; gets the route's path, never the full target (it may hold a token). */
  onError?: (route: string, error: unknown) => void;
}

export type RouteVerdict<R> =
  | { ok: true; route: R; target: RequestTarget }
  | { ok: false; status: 400 | 404 | 405; allow?: string };

/** First route whose path matches; the target must parse and the method must be one it takes. */
export function matchRoute<R extends RouteBase>(
  routes: readonly R[],
  method: string | undefined,
  rawTarget: string | undefined,
): RouteVerdict<R> {
  const target = parseRequestTarget(rawTarget);
  if (!target) return { ok: false, status: 400 };
  const route = routes.find((candidate) =>
    candidate.path.endsWith('/')
      ? target.pathname.startsWith(candidate.path)
      : target.pathname === candidate.path,
  );
  if (!route) return { ok: false, status: 404 };
  const allowed = checkMethod(method, route.methods);
  return allowed.ok ? { ok: true, route, target } : allowed;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function refuse(response: ServerResponse, status: number, allow?: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (allow) headers.Allow = allow;
  response.writeHead(status, headers).end(REASONS[status] ?? '');
}

/** Answers an upgrade request that will not be upgraded, on the raw socket, and closes it. */
export function refuseUpgrade(socket: Duplex, status: number, allow?: string): void {
  const allowLine = allow ? `Allow: ${allow}\r\n` : '';
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? ''}\r\n${allowLine}Connection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}

export function createRoutedServer(options: RoutedServerOptions): Server {
  // node:http through getBuiltinModule: an ESM import of it costs ~30 ms at start-up (it builds
  // the fetch/WebSocket globals' facade), paid even by CLI commands that never serve anything.
  const server = process.getBuiltinModule('node:http').createServer((request, response) => {
    const verdict = matchRoute(options.routes, request.method, request.url);
    if (!verdict.ok) {
      // The body of a refused request is not read; close rather than keep a half-read connection.
      response.shouldKeepAlive = false;
      refuse(response, verdict.status, verdict.allow);
      return;
    }
    const failed = (error: unknown) => {
      options.onError?.(verdict.route.path, error);
      refuse(response, 500);
    };
    try {
      Promise.resolve(verdict.route.handle(request, response, verdict.target)).catch(failed);
    } catch (error) {
      failed(error);
    }
  });
  server.on('clientError', (_error, socket: Duplex) => {
    // A parse error (bad bytes, header overflow) or a reset: answer if the socket still takes it.
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  const upgrades = options.upgrades ?? [];
  // Without an 'upgrade' listener Node serves upgrade requests as plain requests (the table above).
  if (upgrades.length > 0) {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      // Node has removed its own error listener from an upgraded socket; a reset must not crash us.
      socket.on('error', () => socket.destroy());
      const verdict = matchRoute(upgrades, request.method, request.url);
      if (!verdict.ok) {
        refuseUpgrade(socket, verdict.status, verdict.allow);
        return;
      }
      try {
        verdict.route.handle(request, socket, head, verdict.target);
      } catch (error) {
        options.onError?.(verdict.route.path, error);
        refuseUpgrade(socket, 500);
      }
    });
  }
  return server;
}

/** Listens on loopback (or `host`) and resolves with the bound port. */
export async function listenOn(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Reads a request body of at most `maxBytes`. Larger: null, after answering 413 and closing the
 * connection, so the rest of the body is never read.
 */
export function readBody(
  request: IncomingMessage,
  response: ServerResponse,
  maxBytes: number,
): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.pause();
      response.writeHead(413, { Connection: 'close' }).end(() => request.destroy());
      resolve(null);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}
