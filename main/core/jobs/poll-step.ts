// pending/processing → downloading | failed | stalled. Queries status at the planned times,
// backs off on errors, and never gives up silently: after a generous timeout, and when APIXO
// answered the last query, the job becomes `stalled` with a "check again" action.
import type { GenerationRecord } from '../library/types';
import { asStudioError, errorBackoffMs, type JobContext, type Runner } from './context';

const NOT_FOUND_LIMIT = 3;

export async function pollStep(ctx: JobContext, runner: Runner, record: GenerationRecord): Promise<void> {
  const taskId = record.taskId;
  if (!taskId) {
    ctx.write(runner, {
      state: 'uncertain',
      errorKind: 'protocol',
      errorMessage: 'This generation has no task id.',
    });
    return;
  }
  await runner.sleepUntil(record.nextCheckAt);
  const plan = ctx.plan(record);
  const now = ctx.clock.now();
  const since = runner.stallBase ?? Math.max(record.submittedAt ?? now, runner.startedAt);
  // Only after the stall time within this run, and when APIXO answered the last query: time alone
  // (the app closed, the laptop asleep, the network gone) must not park a video that may be finished.
  if (runner.lastQueryAnswered && now - since > plan.stallAfterMs) {
    ctx.releaseSlot(runner);
    ctx.write(runner, {
      state: 'stalled',
      nextCheckAt: null,
      errorKind: null,
      errorMessage: `APIXO has not finished this task after ${Math.round((now - since) / 60_000)} minutes. Check again later.`,
    });
    return;
  }

  let status: Awaited<ReturnType<ReturnType<JobContext['clientFor']>['status']>>;
  try {
    status = await ctx.clientFor(record).status(taskId, runner.controller.signal, record.model);
  } catch (caught) {
    // An answer, even an error, means APIXO was reached; no connection at all does not count.
    runner.lastQueryAnswered = asStudioError(caught).kind !== 'network';
    await handlePollError(ctx, runner, record, caught);
    return;
  }
  runner.lastQueryAnswered = true;
  ctx.network.reportSuccess();
  runner.consecutiveErrors = 0;
  runner.notFoundCount = 0;
  const answeredAt = ctx.clock.now();

  if (status.state === 'success') {
    ctx.releaseSlot(runner);
    ctx.write(runner, {
      state: 'downloading',
      resultUrl: status.resultUrls[0] ?? null,
      costTimeMs: status.costTime,
      remoteCreateTime: status.createTime,
      remoteCompleteTime: status.completeTime,
      nextCheckAt: null,
      pollCount: record.pollCount + 1,
      errorKind: null,
      errorMessage: null,
    });
    return;
  }
  if (status.state === 'failed') {
    ctx.releaseSlot(runner);
    const outOfCredits = status.failCode === 'INSUFFICIENT_CREDITS';
    ctx.write(runner, {
      state: 'failed',
      failCode: status.failCode ?? 'UNKNOWN',
      failMsg: status.failMsg ?? null,
      errorKind: outOfCredits ? 'insufficient_credits' : 'task_failed',
      errorMessage: outOfCredits
        ? 'Insufficient credits — top up your APIXO balance.'
        : `APIXO could not generate this video: ${status.failMsg ?? status.failCode ?? 'no reason given'}`,
      remoteCreateTime: status.createTime,
      remoteCompleteTime: status.completeTime,
      completedAt: answeredAt,
      nextCheckAt: null,
      pollCount: record.pollCount + 1,
    });
    return;
  }
  if (status.state === 'unknown') {
    ctx.log.warn('unknown task state, still waiting', { id: record.id, state: status.rawState });
  }
  const elapsed = answeredAt - (record.submittedAt ?? answeredAt);
  ctx.write(runner, {
    state: status.state === 'pending' ? 'pending' : 'processing',
    nextCheckAt: answeredAt + plan.nextIntervalMs(elapsed),
    pollCount: record.pollCount + 1,
    remoteCreateTime: status.createTime ?? record.remoteCreateTime,
    errorKind: null,
    errorMessage: null,
  });
}

async function handlePollError(ctx: JobContext, runner: Runner, record: GenerationRecord, caught: unknown) {
  const error = asStudioError(caught);
  const now = ctx.clock.now();
  switch (error.kind) {
    case 'cancelled':
      return;
    case 'network':
      ctx.network.reportFailure();
      ctx.write(runner, { errorKind: 'network', errorMessage: error.userMessage });
      await ctx.network.waitToRetry(runner.controller.signal);
      return;
    case 'rate_limited':
      // The shared limiter pauses every request; the next acquire waits it out.
      return;
    case 'not_found':
      runner.notFoundCount++;
      if (runner.notFoundCount >= NOT_FOUND_LIMIT) {
        ctx.releaseSlot(runner);
        ctx.write(runner, {
          state: 'failed',
          errorKind: 'not_found',
          errorMessage:
            'APIXO no longer knows this task. It may have expired on their side. Retry asks about it again; Remix sends it anew (and is charged again).',
          completedAt: now,
          nextCheckAt: null,
        });
        return;
      }
      ctx.write(runner, { nextCheckAt: now + 10_000 });
      return;
    default:
      runner.consecutiveErrors++;
      ctx.log.warn('status query failed', { id: record.id, kind: error.kind, detail: error.detail });
      ctx.write(runner, {
        errorKind: error.kind,
        errorMessage: error.userMessage,
        nextCheckAt: now + (error.retryAfterMs ?? errorBackoffMs(runner.consecutiveErrors)),
      });
  }
}
