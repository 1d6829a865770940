// Bearer key check and the per-key request budget, shared by every /api/v1 route.
import type { IncomingMessage } from 'node:http';
import type { SimContext } from './context';
import { type Reply, replies } from './envelope';
import { rateLimitedReply } from './fault-replies';
import { sha256 } from './task-store';

export type Caller = { ok: true; owner: string } | { ok: false; reply: Reply };

export function authorize(ctx: SimContext, req: IncomingMessage): Caller {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  const { apiKeys } = ctx.options;
  if (!key || (apiKeys !== 'any' && !apiKeys.has(key))) return { ok: false, reply: replies.unauthorized() };
  // Keys are only ever held as hashes: they become owner ids in tasks and in the state file.
  const owner = sha256(`key:${key}`);
  const admission = ctx.limiter.admit(owner, ctx.clock.now());
  if (!admission.ok) return { ok: false, reply: rateLimitedReply(ctx, admission.retryAfterMs) };
  ctx.stats.peakRequestsPerMinute = Math.max(ctx.stats.peakRequestsPerMinute, admission.inWindow);
  return { ok: true, owner };
}
