// What each user action does to a stored generation, as a patch the engine then applies and acts
// on. Pure: a record and the time in, a patch (or a refusal in the user's words) out, so every rule
// of "what can be retried, resubmitted, dismissed or checked again" lives here and is tested here.
import { type GenerationState, isTerminal } from '../../../shared/domain/states';
import { StudioError } from '../errors';
import type { GenerationPatch, GenerationRecord } from '../library/types';

const CLEARED_ERROR: GenerationPatch = {
  errorKind: null,
  errorMessage: null,
  failCode: null,
  failMsg: null,
  completedAt: null,
};

function refuse(userMessage: string): never {
  throw new StudioError({ kind: 'invalid_request', userMessage });
}

export function requireState(record: GenerationRecord, states: readonly GenerationState[]): void {
  if (!states.includes(record.state)) refuse(`Not possible while the generation is ${record.state}.`);
}

/** Cancelling is local only: a finished generation has nothing left to cancel. */
export function assertCancellable(record: GenerationRecord): void {
  if (isTerminal(record.state)) refuse('This generation has already finished.');
}

export function cancelledPatch(record: GenerationRecord, now: number): GenerationPatch {
  return {
    state: 'cancelled',
    nextCheckAt: null,
    completedAt: now,
    errorMessage: record.taskId
      ? 'Stopped tracking. APIXO has no cancel endpoint, so the task may still finish and be charged.'
      : null,
  };
}

/** Retry picks up from the furthest point that is still paid for; only work never sent starts over. */
export function retryPatch(record: GenerationRecord, now: number): GenerationPatch {
  if (record.state === 'failed' && record.taskId && record.resultUrl) {
    return { ...CLEARED_ERROR, state: 'downloading', nextCheckAt: now }; // the video exists remotely
  }
  // A task APIXO said it did not know (for half a minute) may only have been missing for a while:
  // ask about it again rather than paying for a new one (Remix sends it anew).
  const notFound = record.state === 'failed' && record.taskId && record.errorKind === 'not_found';
  if (record.state === 'expired' || (record.state === 'cancelled' && record.taskId) || notFound) {
    return { ...CLEARED_ERROR, state: 'pending', nextCheckAt: now }; // ask again; a fresh link may exist
  }
  if (record.state === 'failed' || record.state === 'cancelled') {
    return {
      ...CLEARED_ERROR,
      state: 'queued',
      taskId: null,
      resultUrl: null,
      submittedAt: null,
      nextCheckAt: null,
      pollCount: 0,
    };
  }
  return refuse(`A ${record.state} generation cannot be retried.`);
}

/** `uncertain`: the user accepts the risk of paying twice. */
export function resubmitPatch(record: GenerationRecord): GenerationPatch {
  requireState(record, ['uncertain']);
  return {
    state: 'queued',
    taskId: null,
    errorKind: null,
    errorMessage: null,
    nextCheckAt: null,
    submittedAt: null,
  };
}

/** `uncertain`: the user gives up on it. */
export function dismissPatch(record: GenerationRecord, now: number): GenerationPatch {
  requireState(record, ['uncertain']);
  return { state: 'cancelled', completedAt: now, errorMessage: 'Dismissed: not resubmitted.' };
}

/**
 * `held`: send it. A job held by a cap is sent past the caps (the user released that one job); a
 * staged job still meets the caps right before its submit.
 */
export function releasePatch(record: GenerationRecord): GenerationPatch {
  requireState(record, ['held']);
  return {
    state: 'queued',
    hold: null,
    errorKind: null,
    errorMessage: null,
    nextCheckAt: null,
    ...(record.hold?.kind === 'over_budget' ? { budgetReleased: true } : {}),
  };
}

/** `stalled` (or a waiting job): query status right now. */
export function checkAgainPatch(record: GenerationRecord, now: number): GenerationPatch {
  requireState(record, ['stalled', 'pending', 'processing']);
  if (!record.taskId) refuse('This generation has no task to check.');
  return {
    state: record.state === 'stalled' ? 'processing' : record.state,
    nextCheckAt: now,
    errorMessage: null,
  };
}
