// Answers a broken or hostile server gives: a body that never seems to end, and one that trickles
// in a byte at a time. Both keep the connection busy, so only a client with a size cap and an
// overall deadline gets out of them.
import type { ServerResponse } from 'node:http';

const FILLER_CHUNK = Buffer.alloc(64 * 1024, 0x20);
/** Valid JSON start, then whitespace: a parser would need the whole body to see it never closes. */
const OVERSIZED_START = '{"code":200,"message":"success","data":';

/** Streams `totalBytes` of JSON-looking padding (backpressure respected) unless the client leaves. */
export async function sendOversized(res: ServerResponse, totalBytes: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  let sent = 0;
  const gone = () => res.destroyed || res.writableEnded;
  if (!res.write(OVERSIZED_START)) await drainOrClose(res);
  sent += OVERSIZED_START.length;
  while (sent < totalBytes && !gone()) {
    const chunk = FILLER_CHUNK.subarray(0, Math.min(FILLER_CHUNK.length, totalBytes - sent));
    sent += chunk.length;
    if (!res.write(chunk)) await drainOrClose(res);
  }
  if (!gone()) res.end('null}');
}

/** Sends `body` one byte every `intervalMs` of real time, after honest headers. */
export async function sendDripping(
  res: ServerResponse,
  status: number,
  body: Buffer,
  intervalMs: number,
  wait: (ms: number) => Promise<void>,
): Promise<void> {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(body.length),
  });
  res.flushHeaders();
  for (let at = 0; at < body.length; at++) {
    await wait(intervalMs);
    if (res.destroyed) return;
    res.write(body.subarray(at, at + 1));
  }
  res.end();
}

/** Resolves when `res` can take more data, or is gone. */
export function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
