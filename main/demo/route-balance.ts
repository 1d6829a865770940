// GET /api/v1/apikeys/current-balance: the remaining USD as a bare number.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize } from './auth';
import type { SimContext } from './context';
import { ok } from './envelope';
import { sendWithFaults } from './fault-replies';

export async function handleBalance(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  ctx.stats.balanceQueries += 1;
  const caller = authorize(ctx, req);
  await sendWithFaults(ctx, res, 'balance', caller.ok ? ok(ctx.store.balance) : caller.reply);
}
