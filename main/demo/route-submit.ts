// POST /api/v1/generateTask/{model}: validate, charge, create. Faults of this phase strike AFTER
// the task exists and the balance was drawn (unless beforeCreate), because that is the case a
// client must survive without paying twice.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isModelId } from '../../shared/domain/models';
import { modelOf } from '../../shared/domain/params';
import { estimateCostUsd } from '../../shared/domain/pricing';
import { authorize } from './auth';
import type { SimContext } from './context';
import { invalidRequest, ok, type Reply, replies, reply, sendReply } from './envelope';
import { interceptWithFault, rateLimitedReply, sendWithFaults } from './fault-replies';
import type { FaultSpec } from './faults';
import { readBody } from './http-body';
import { FAIL, type TaskRecord } from './task';
import { canonicalJson, roundUsd, sha256 } from './task-store';
import { validateSubmitBody } from './validate-submit';

const strikesBeforeCreate = (spec: FaultSpec) => spec.beforeCreate === true || spec.kind === 'rate_limit';

export async function handleSubmit(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  model: string,
): Promise<void> {
  const raw = await readBody(req);
  const lookalike = ok({ taskId: `task_${randomBytes(9).toString('hex')}` });
  if (await interceptWithFault(ctx, res, 'submit', strikesBeforeCreate, lookalike)) {
    ctx.stats.submitsRejected += 1;
    return;
  }
  const outcome = await submit(ctx, req, raw, model);
  if (!outcome.task) {
    ctx.stats.submitsRejected += 1;
    sendReply(res, outcome.reply);
    return;
  }
  await sendWithFaults(ctx, res, 'submit', outcome.reply, (spec) => !strikesBeforeCreate(spec));
}

async function submit(
  ctx: SimContext,
  req: IncomingMessage,
  raw: Buffer | null,
  model: string,
): Promise<{ reply: Reply; task?: TaskRecord }> {
  const caller = authorize(ctx, req);
  if (!caller.ok) return { reply: caller.reply };
  if (!isModelId(model)) return { reply: replies.notFound('Model not found') };
  if (raw === null) return { reply: reply(413, 'Request body too large') };
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    return { reply: invalidRequest('Content-Type must be application/json') };
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return { reply: invalidRequest('Request body is not valid JSON') };
  }
  const validation = validateSubmitBody(body, model);
  if (!validation.ok) return { reply: invalidRequest(validation.error) };
  const { params } = validation.value;

  const now = ctx.clock.now();
  const running = ctx.store.active(now, caller.owner);
  if (running.length >= ctx.options.maxConcurrentTasks) {
    const firstDone = Math.min(...running.map((task) => task.completeAt));
    return { reply: rateLimitedReply(ctx, firstDone - now) };
  }

  const cost = estimateCostUsd(params.resolution, params.duration, 1, modelOf(params));
  let charge = cost;
  let plannedFailure: TaskRecord['plannedFailure'] = null;
  if (cents(ctx.store.balance) < cents(cost)) {
    const style = ctx.options.insufficientCredits;
    if (style === '400') return { reply: reply(400, 'Insufficient credits') };
    if (style === '402') return { reply: reply(402, 'Insufficient balance') };
    plannedFailure = FAIL.insufficientCredits;
    charge = 0;
  } else if (ctx.options.violationWord && params.prompt.toLowerCase().includes(ctx.options.violationWord)) {
    plannedFailure = FAIL.contentViolation;
  }

  ctx.store.balance = roundUsd(ctx.store.balance - charge);
  const task = ctx.store.create(
    {
      owner: caller.owner,
      bodyHash: sha256(caller.owner + canonicalJson(body)),
      submit: validation.value,
      costUsd: charge,
      plannedFailure,
    },
    now,
  );
  ctx.stats.submitsAccepted += 1;
  ctx.stats.peakConcurrentTasks = Math.max(ctx.stats.peakConcurrentTasks, ctx.store.active(now).length);
  ctx.track(task);
  // On disk before the client hears the taskId, so a restart never forgets a task it was told about.
  await ctx.persist();
  return { reply: ok({ taskId: task.taskId }), task };
}

const cents = (usd: number) => Math.round(usd * 100);
