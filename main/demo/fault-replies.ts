// How each injected fault looks on the wire for the JSON endpoints, and the body-cutting used by
// downloads too.
import type { ServerResponse } from 'node:http';
import type { SimContext } from './context';
import { type Reply, replies, sendReply, serialize } from './envelope';
import type { FaultKind, FaultSpec, RequestPhase } from './faults';
import { sendDripping, sendOversized } from './hostile-bodies';

/** Faults that replace the answer of a JSON endpoint ('slow' only delays it). */
const JSON_REPLY_KINDS: ReadonlySet<FaultKind> = new Set([
  'server_error',
  'unavailable',
  'rate_limit',
  'reset',
  'truncated',
  'malformed_json',
  'oversized',
  'drip',
]);

const OVERSIZED_DEFAULT_BYTES = 700 * 1024 * 1024;

/** Valid-looking JSON start that never closes: what a proxy cutting the body mid-way gives you. */
const MALFORMED_BODY = '{"code":200,"message":"success","data":{"taskId":';

/**
 * Applies the faults of `phase` that `accept` allows: first any delay, then at most one answer
 * replacing `intended`. True when a fault answered (the caller must not answer again).
 */
export async function interceptWithFault(
  ctx: SimContext,
  res: ServerResponse,
  phase: RequestPhase,
  accept: (spec: FaultSpec) => boolean,
  intended: Reply,
): Promise<boolean> {
  const slow = ctx.faults.take(phase, (spec) => spec.kind === 'slow' && accept(spec));
  if (slow) await ctx.realDelay(slow.delayMs ?? 1000);
  if (res.destroyed) return true;
  const fault = ctx.faults.take(phase, (spec) => JSON_REPLY_KINDS.has(spec.kind) && accept(spec));
  if (!fault) return false;
  await answerWithFault(ctx, res, fault, intended);
  return true;
}

export async function sendWithFaults(
  ctx: SimContext,
  res: ServerResponse,
  phase: RequestPhase,
  intended: Reply,
  accept: (spec: FaultSpec) => boolean = () => true,
): Promise<void> {
  if (!(await interceptWithFault(ctx, res, phase, accept, intended))) sendReply(res, intended);
}

export function rateLimitedReply(ctx: SimContext, retryAfterMs: number): Reply {
  ctx.stats.rateLimited += 1;
  const answer = replies.rateLimited();
  if (ctx.options.retryAfterHeader) {
    answer.headers = { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
  }
  return answer;
}

async function answerWithFault(
  ctx: SimContext,
  res: ServerResponse,
  fault: FaultSpec,
  intended: Reply,
): Promise<void> {
  if (fault.kind === 'oversized') {
    await sendOversized(res, fault.bodyBytes ?? OVERSIZED_DEFAULT_BYTES);
  } else if (fault.kind === 'drip') {
    await sendDripping(res, intended.status, serialize(intended.body), fault.delayMs ?? 1000, ctx.realDelay);
  } else if (fault.kind === 'reset') {
    res.socket?.resetAndDestroy();
  } else if (fault.kind === 'truncated') {
    const bytes = serialize(intended.body);
    res.writeHead(intended.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(bytes.length),
    });
    sendPartThenCut(res, bytes.subarray(0, cutPoint(bytes.length, fault)), 'close');
  } else if (fault.kind === 'malformed_json') {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(MALFORMED_BODY)),
    });
    res.end(MALFORMED_BODY);
  } else if (fault.kind === 'rate_limit') {
    sendReply(res, rateLimitedReply(ctx, 1000));
  } else if (fault.kind === 'unavailable') {
    sendReply(res, replies.unavailable());
  } else {
    sendReply(res, replies.serverError());
  }
}

export function cutPoint(length: number, fault: FaultSpec): number {
  const fraction = fault.bodyFraction ?? 0.5;
  return Math.min(length - 1, Math.max(0, Math.floor(length * fraction)));
}

/**
 * Writes `part` after headers that promised more, then ends the connection: 'close' with a clean
 * FIN (a short body), 'reset' with a TCP RST (ECONNRESET on the client).
 */
export function sendPartThenCut(res: ServerResponse, part: Uint8Array, how: 'close' | 'reset'): void {
  const socket = res.socket;
  const cut = () => {
    if (!socket || socket.destroyed) return;
    if (how === 'reset') socket.resetAndDestroy();
    else socket.destroySoon();
  };
  if (part.length === 0) {
    res.flushHeaders();
    setImmediate(cut);
    return;
  }
  // Cut only once the part has reached the kernel, so the client really receives it first.
  res.write(part, () => setImmediate(cut));
}
