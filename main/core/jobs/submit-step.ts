// queued → submitting → pending. The money-safety rules live here:
// - the row says `submitting` (durably) before the POST leaves, so a crash mid-request is visible;
// - the taskId is committed the moment the answer arrives;
// - only a request that provably created nothing goes back to `queued` by itself; an unknown
//   outcome becomes `uncertain` and waits for the user.
import { breachSentence } from '../../../shared/domain/budget';
import { findBreach } from '../budget/caps';
import type { GenerationRecord } from '../library/types';
import { asStudioError, type JobContext, type Runner } from './context';
import { hostReferenceImage } from './host-step';

/** How often a job waiting for a key looks for one (a key check is a keychain read, no request). */
export const KEY_RECHECK_MS = 5_000;
export const WAITING_FOR_KEY_MESSAGE =
  'Waiting for an API key: this job was created with a key that is no longer set. Add the key in Settings to send it, or cancel it.';

export async function submitStep(ctx: JobContext, runner: Runner, queued: GenerationRecord): Promise<void> {
  await runner.sleepUntil(queued.nextCheckAt);
  if (!runner.holdsSlot) {
    await ctx.slots.acquire(runner.controller.signal);
    runner.holdsSlot = true;
  }
  // Uploaded as late as possible, so the presigned link is as fresh as it can be when APIXO fetches it.
  const record = await hostReferenceImage(ctx, runner, queued);
  if (!record) return;
  // Checked and marked `submitting` in one synchronous step, so the next job of a batch already
  // counts this one as sent.
  if (holdOverBudget(ctx, runner, record)) return;
  if (!ctx.write(runner, { state: 'submitting', nextCheckAt: null })) return;

  let taskId: string;
  try {
    // No abort signal on purpose: abandoning a paid request halfway would make its outcome unknown.
    // (The client's own deadline and size cap still end a hostile answer; that error is never
    // `createdNothing`, so the job becomes `uncertain` below.)
    taskId = await ctx.clientFor(record).submit(record.params, ctx.delivery(record));
  } catch (caught) {
    const error = asStudioError(caught);
    ctx.releaseSlot(runner);
    if (error.createdNothing && error.kind === 'network') {
      ctx.network.reportFailure();
      if (!ctx.write(runner, { state: 'queued', errorKind: 'network', errorMessage: error.userMessage }))
        return;
      await ctx.network.waitToRetry(runner.controller.signal);
      return;
    }
    if (error.reasonCode === 'no_key') {
      // Created with a key that is no longer set (removed, then the app restarted): nothing was
      // sent and nobody refused anything, so the job waits, labelled, until a key is back.
      ctx.write(runner, {
        state: 'queued',
        errorKind: 'invalid_key',
        errorMessage: WAITING_FOR_KEY_MESSAGE,
        nextCheckAt: ctx.clock.now() + KEY_RECHECK_MS,
      });
      return;
    }
    if (error.createdNothing && error.kind === 'rate_limited') {
      // The shared limiter already holds every request back; just queue again.
      ctx.write(runner, { state: 'queued', errorKind: error.kind, errorMessage: error.userMessage });
      return;
    }
    if (error.createdNothing) {
      ctx.log.warn('submit rejected', { id: record.id, kind: error.kind, detail: error.detail });
      ctx.write(runner, {
        state: 'failed',
        errorKind: error.kind,
        errorMessage: error.userMessage,
        failCode: error.failCode ?? null,
        completedAt: ctx.clock.now(),
      });
      return;
    }
    ctx.log.warn('submit outcome unknown', { id: record.id, kind: error.kind, detail: error.detail });
    ctx.write(runner, {
      state: 'uncertain',
      budgetReleased: false, // that send may have cost money: a Resubmit meets the caps again
      errorKind: error.kind,
      errorMessage:
        'Wan Studio could not confirm whether APIXO received this request. Resubmitting may charge twice; dismiss it if you are not sure.',
    });
    return;
  }

  const now = ctx.clock.now();
  // First, before anything that could throw, and even if the user cancelled meanwhile: the taskId
  // is the receipt for money spent, and the send time is what the spending caps count it by.
  // A release past the caps is for one send that may cost money (this one): a later Retry meets
  // the caps again. A send that provably created nothing keeps it.
  ctx.library.updateGeneration(record.id, { taskId, submittedAt: now, budgetReleased: false });
  ctx.network.reportSuccess();
  if (runner.cancelRequested) return; // cancel() finishes the job once this step returns
  const plan = ctx.plan(record);
  ctx.write(runner, {
    state: 'pending',
    submittedAt: now,
    nextCheckAt: now + plan.firstCheckMs,
    pollCount: 0,
    errorKind: null,
    errorMessage: null,
  });
}

/** A cap would be crossed: the job waits in `held` (never failed, never dropped) and frees its slot. */
function holdOverBudget(ctx: JobContext, runner: Runner, record: GenerationRecord): boolean {
  if (record.budgetReleased) return false;
  const intent = { backend: record.backend, projectId: record.projectId, costUsd: record.estimatedCostUsd };
  const breach = findBreach(ctx.library, intent, ctx.clock.now());
  if (!breach) return false;
  ctx.releaseSlot(runner);
  ctx.log.info('held over budget', { id: record.id, cap: breach.cap, overByUsd: breach.overByUsd });
  ctx.write(runner, {
    state: 'held',
    hold: { kind: 'over_budget', ...breach },
    nextCheckAt: null,
    errorKind: 'over_budget',
    errorMessage: `${breachSentence(breach)} Raise the cap or release this job to send it.`,
  });
  return true;
}

/**
 * A job found in `submitting` after a restart: the process died while the request was out.
 * With a taskId the answer arrived and was saved; without one, nobody can know.
 */
export function recoverSubmitting(ctx: JobContext, runner: Runner, record: GenerationRecord): void {
  if (record.taskId) {
    ctx.write(runner, {
      state: 'pending',
      submittedAt: record.submittedAt ?? ctx.clock.now(),
      nextCheckAt: ctx.clock.now(),
    });
    return;
  }
  ctx.releaseSlot(runner);
  ctx.write(runner, {
    state: 'uncertain',
    errorKind: 'network',
    errorMessage:
      'Wan Studio stopped while sending this request, so it cannot know whether APIXO received it. Resubmitting may charge twice.',
  });
}
