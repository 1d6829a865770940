// A route of the routed server whose handler speaks web Request/Response, like Electron's protocol
// handlers, so the browser host and the demo reference server answer files the way the Electron
// shell does. Node's http objects are bridged to web Request/Response here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { RequestTarget } from './request-target';
import type { Route } from './routed-server';

/** A web Request for a request the route table has already let through (target and method checked). */
function toWebRequest(request: IncomingMessage, target: RequestTarget): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const url = new URL(target.pathname, 'http://127.0.0.1');
  url.search = target.searchParams.toString();
  return new Request(url, { method: request.method, headers });
}

/** A route whose handler speaks web Request/Response, like Electron's protocol handlers. */
export function webRoute(
  path: string,
  methods: readonly string[],
  handle: (request: Request, target: RequestTarget) => Promise<Response>,
): Route {
  return {
    path,
    methods,
    handle: async (request, response, target) =>
      sendWebResponse(await handle(toWebRequest(request, target), target), response),
  };
}

async function sendWebResponse(response: Response, target: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  target.writeHead(response.status, headers);
  if (!response.body) {
    target.end();
    return;
  }
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('error', () => target.destroy());
  body.pipe(target);
}
