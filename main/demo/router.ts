// Which handler answers which path. Everything else is an enveloped 404 or 405.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimContext } from './context';
import { replies, reply, sendReply } from './envelope';
import { handleBalance } from './route-balance';
import { handleResult } from './route-results';
import { handleStatus } from './route-status';
import { handleSubmit } from './route-submit';

export async function routeRequest(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const api = /^\/api\/v1\/(generateTask|statusTask)\/([^/]+)$/.exec(path);
  if (api) {
    const [, endpoint, model = ''] = api;
    if (endpoint === 'generateTask') {
      if (method !== 'POST') return methodNotAllowed(res, 'POST');
      return handleSubmit(ctx, req, res, decodeURIComponent(model));
    }
    if (method !== 'GET') return methodNotAllowed(res, 'GET');
    return handleStatus(ctx, req, res, decodeURIComponent(model), url.searchParams);
  }
  if (path === '/api/v1/apikeys/current-balance') {
    if (method !== 'GET') return methodNotAllowed(res, 'GET');
    return handleBalance(ctx, req, res);
  }
  const result = /^\/results\/([0-9a-f]+)\.mp4$/.exec(path);
  if (result?.[1]) {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    return handleResult(ctx, req, res, result[1]);
  }
  sendReply(res, replies.notFound());
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  const answer = reply(405, 'Method not allowed');
  answer.headers = { allow };
  sendReply(res, answer);
}
