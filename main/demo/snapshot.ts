// The test-facing view of a task: its record plus what the clock says about it right now.
import type { GenerationParams, RequestType } from '../../shared/domain/params';
import type { SimContext } from './context';
import { type ImageCheckStatus, isResultExpired, type TaskRecord, type TaskState, viewTask } from './task';

/** A task as a test sees it. */
export interface SimTask {
  taskId: string;
  prompt: string;
  params: GenerationParams;
  requestType: RequestType;
  callbackUrl: string | null;
  state: TaskState;
  createdAt: number;
  /** When it leaves 'pending'. */
  pendingUntil: number;
  /** Planned completion; an image fetch still running can push the real one later. */
  completeAt: number;
  /** Real completion, once success or failed. */
  completeTime: number | null;
  failCode: string | null;
  failMsg: string | null;
  /** What this submit drew from the balance. */
  costUsd: number;
  resultUrl: string | null;
  resultExpired: boolean;
  /** Tasks created from this exact body with the same key, this one included (>1 means a duplicate). */
  submitCount: number;
  imageCheck: ImageCheckStatus | null;
  imageCheckDetail: string | null;
  audioCheck: ImageCheckStatus | null;
  audioCheckDetail: string | null;
  callbackAttempts: number;
  callbackDelivered: boolean;
}

export function snapshotTask(ctx: SimContext, task: TaskRecord): SimTask {
  const now = ctx.clock.now();
  const view = viewTask(task, now);
  const success = view.state === 'success' && view.completeTime !== null;
  return {
    taskId: task.taskId,
    prompt: task.params.prompt,
    params: task.params,
    requestType: task.requestType,
    callbackUrl: task.callbackUrl,
    state: view.state,
    createdAt: task.createdAt,
    pendingUntil: task.pendingUntil,
    completeAt: task.completeAt,
    completeTime: view.completeTime,
    failCode: view.failCode,
    failMsg: view.failMsg,
    costUsd: task.costUsd,
    resultUrl: success ? ctx.resultUrl(task) : null,
    resultExpired: success && isResultExpired(task, view, now, ctx.options.resultTtlMs),
    submitCount: ctx.store.identicalSubmits(task.bodyHash),
    imageCheck: task.image?.status ?? null,
    imageCheckDetail: task.image?.detail ?? null,
    audioCheck: task.audio?.status ?? null,
    audioCheckDetail: task.audio?.detail ?? null,
    callbackAttempts: task.callback?.attempts ?? 0,
    callbackDelivered: task.callback?.delivered ?? false,
  };
}
