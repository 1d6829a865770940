// A real HTTP file server for download tests: Range / If-Range / ETag like a CDN, plus the ways a
// CDN misbehaves (resets, truncation, stalls, ignoring Range, expiring links), chosen per request.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainOrClose } from '../../../main/demo/hostile-bodies';

export interface ServePlan {
  /** Answer with this status and an empty body (e.g. 410, 500). */
  status?: number;
  retryAfter?: string;
  redirectTo?: string;
  /** Answer 200 with the whole file even when a Range was asked for. */
  ignoreRange?: boolean;
  /** Honour Range even when If-Range does not match (a broken server). */
  ignoreIfRange?: boolean;
  /** Serve this instead of the server's content (the file changed on the server). */
  content?: Buffer;
  etag?: string | null;
  lastModified?: string | null;
  /** Send this many body bytes, then end the connection. */
  cutAfter?: number;
  /** 'reset' sends a TCP RST, 'close' a clean FIN: both before Content-Length is reached. */
  cutHow?: 'reset' | 'close';
  /** Send this many body bytes, then go silent with the connection open. */
  stallAfter?: number;
  /** No Content-Length (chunked); with cutAfter the body then ends *cleanly* but short. */
  chunked?: boolean;
  chunkSize?: number;
  chunkDelayMs?: number;
}

export interface RecordedRequest {
  path: string;
  range: string | null;
  ifRange: string | null;
  acceptEncoding: string | null;
}

export const DEFAULT_ETAG = '"v1-etag"';
export const DEFAULT_LAST_MODIFIED = 'Wed, 01 Jan 2025 10:00:00 GMT';

export interface FileServer {
  url: string;
  origin: string;
  requests: RecordedRequest[];
  setPlan(plan: (index: number) => ServePlan): void;
  close(): Promise<void>;
}

export async function startFileServer(
  content: Buffer,
  plan: (index: number) => ServePlan = () => ({}),
): Promise<FileServer> {
  let currentPlan = plan;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const index = requests.length;
    requests.push({
      path: req.url ?? '',
      range: req.headers.range ?? null,
      ifRange: (req.headers['if-range'] as string | undefined) ?? null,
      acceptEncoding: req.headers['accept-encoding'] ?? null,
    });
    handle(req, res, content, currentPlan(index)).catch(() => res.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/output/video.mp4`,
    origin,
    requests,
    setPlan(next) {
      currentPlan = next;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, base: Buffer, plan: ServePlan) {
  if (plan.redirectTo) {
    res.writeHead(302, { location: plan.redirectTo, 'content-length': '0' }).end();
    return;
  }
  if (plan.status) {
    const headers: Record<string, string> = { 'content-length': '0' };
    if (plan.retryAfter) headers['retry-after'] = plan.retryAfter;
    res.writeHead(plan.status, headers).end();
    return;
  }
  const content = plan.content ?? base;
  const etag = plan.etag === undefined ? DEFAULT_ETAG : plan.etag;
  const lastModified = plan.lastModified === undefined ? DEFAULT_LAST_MODIFIED : plan.lastModified;
  const headers: Record<string, string> = { 'accept-ranges': 'bytes' };
  if (etag) headers.etag = etag;
  if (lastModified) headers['last-modified'] = lastModified;

  const ifRange = req.headers['if-range'];
  const validatorMatches = !ifRange || ifRange === etag || ifRange === lastModified;
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  let start = 0;
  let status = 200;
  if (range && !plan.ignoreRange && (validatorMatches || plan.ignoreIfRange)) {
    start = Number(range[1]);
    if (start >= content.length) {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${content.length}`, 'content-length': '0' });
      res.end();
      return;
    }
    status = 206;
    headers['content-range'] = `bytes ${start}-${content.length - 1}/${content.length}`;
  }
  const body = content.subarray(start);
  if (!plan.chunked) headers['content-length'] = String(body.length);
  res.writeHead(status, headers);
  await sendBody(res, body, plan);
}

async function sendBody(res: ServerResponse, body: Buffer, plan: ServePlan): Promise<void> {
  const limit = Math.min(body.length, plan.cutAfter ?? plan.stallAfter ?? body.length);
  const chunkSize = plan.chunkSize ?? 16 * 1024;
  for (let at = 0; at < limit && !res.destroyed; at += chunkSize) {
    const chunk = body.subarray(at, Math.min(limit, at + chunkSize));
    if (!res.write(chunk)) await drainOrClose(res);
    if (plan.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, plan.chunkDelayMs));
  }
  if (plan.stallAfter !== undefined) return; // keep the socket open and silent
  if (plan.cutAfter !== undefined && !plan.chunked) {
    // Let the bytes reach the client first, then break the connection before Content-Length.
    await new Promise<void>((resolve) => res.write('', () => resolve()));
    if (plan.cutHow === 'reset') res.socket?.resetAndDestroy();
    else res.socket?.end();
    return;
  }
  res.end();
}
