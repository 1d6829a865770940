// GET/HEAD /results/{token}.mp4: the result file, like a CDN would serve it: validators, single
// byte ranges, If-Range, and 410 once the URL has expired.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentRange, decideRange, ifRangeMatches, unsatisfiedContentRange } from '../core/http/byte-range';
import { clipFor } from './clips';
import type { SimContext } from './context';
import { replies, reply, sendReply } from './envelope';
import { cutPoint, interceptWithFault, sendPartThenCut } from './fault-replies';
import { isResultExpired, viewTask } from './task';

/** 18 bytes that are not a video: what an error page or a broken CDN may send in its place. */
const NOT_MP4 = Buffer.from('<html>oops</html>\n');

export async function handleResult(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  token: string,
): Promise<void> {
  ctx.stats.downloads += 1;
  const notFound = replies.notFound();
  // reset/truncated are applied below, mid-body; here only the faults that replace the answer.
  const early = (kind: string) => kind !== 'reset' && kind !== 'truncated';
  if (await interceptWithFault(ctx, res, 'download', (spec) => early(spec.kind), notFound)) return;

  const now = ctx.clock.now();
  const task = ctx.store.getByToken(token);
  const view = task ? viewTask(task, now) : null;
  if (!task || view?.state !== 'success' || view.completeTime === null) return sendReply(res, notFound);
  const expiredFault = ctx.faults.take('download', (spec) => spec.kind === 'expired');
  if (expiredFault || isResultExpired(task, view, now, ctx.options.resultTtlMs)) {
    return sendReply(res, reply(expiredFault?.status ?? 410, 'Result has expired'));
  }

  if (ctx.faults.take('download', (spec) => spec.kind === 'not_mp4')) {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(NOT_MP4.length) });
    res.end(NOT_MP4);
    return;
  }

  const clip = clipFor(ctx.clips, task.params);
  const size = clip.bytes.length;
  const lastModified = new Date(view.completeTime).toUTCString();
  const headers: Record<string, string> = {
    'content-type': 'video/mp4',
    'accept-ranges': 'bytes',
    etag: clip.etag,
    'last-modified': lastModified,
    'cache-control': 'public, max-age=86400',
  };
  let range = decideRange(req.headers.range, size);
  if (range.kind !== 'full') {
    const ifRange = req.headers['if-range'];
    const stale = !ifRangeMatches(Array.isArray(ifRange) ? ifRange[0] : ifRange, clip.etag, lastModified);
    if (stale || ctx.faults.take('download', (spec) => spec.kind === 'range_ignored'))
      range = { kind: 'full' };
  }
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'content-range': unsatisfiedContentRange(size), 'content-length': '0' });
    res.end();
    return;
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  const body = clip.bytes.subarray(start, end + 1);
  headers['content-length'] = String(body.length);
  if (range.kind === 'partial') headers['content-range'] = contentRange(start, end, size);
  res.writeHead(range.kind === 'partial' ? 206 : 200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const cut = ctx.faults.take('download', (spec) => spec.kind === 'reset' || spec.kind === 'truncated');
  if (cut) {
    const part = body.subarray(0, cutPoint(body.length, cut));
    ctx.stats.downloadBytes += part.length;
    sendPartThenCut(res, part, cut.kind === 'reset' ? 'reset' : 'close');
    return;
  }
  ctx.stats.downloadBytes += body.length;
  res.end(body);
}
