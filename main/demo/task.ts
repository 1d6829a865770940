// One simulated APIXO task and what it looks like at a given moment. The state is computed from
// the clock on demand (no per-task timers), so a test can jump hours ahead and still see the
// right answer.
import type { GenerationParams, RequestType } from '../../shared/domain/params';

export type TaskState = 'pending' | 'processing' | 'success' | 'failed';

export type ImageCheckStatus = 'waiting' | 'fetching' | 'ok' | 'failed';

/** What is stored (and persisted) per task. Times are clock milliseconds. */
export interface TaskRecord {
  taskId: string;
  /** sha256 of the API key: tasks are private to a key, and no key ever lands on disk. */
  owner: string;
  /** sha256 of owner + canonical body, to count identical submits. */
  bodyHash: string;
  requestType: RequestType;
  callbackUrl: string | null;
  params: GenerationParams;
  costUsd: number;
  createdAt: number;
  /** End of "pending"; moderation and credit failures surface here. */
  pendingUntil: number;
  /** Planned end of processing. */
  completeAt: number;
  /** Failure decided at submit time (content, credits); null when the task may succeed. */
  plannedFailure: { code: string; message: string } | null;
  /** Image-to-video only: the real fetch of image_urls[0]. */
  image: { status: ImageCheckStatus; settledAt: number | null; detail: string | null } | null;
  /** wan-2-5-video with audio_urls: the real fetch of audio_urls[0] (absent in state from older builds). */
  audio?: { status: ImageCheckStatus; settledAt: number | null; detail: string | null } | null;
  resultToken: string;
  /** Set by expireResults(): the URL answers 410 from then on. */
  expiredAt: number | null;
  callback: { attempts: number; delivered: boolean; abandoned: boolean } | null;
}

export interface TaskView {
  state: TaskState;
  completeTime: number | null;
  failCode: string | null;
  failMsg: string | null;
}

export const FAIL = {
  contentViolation: { code: 'CONTENT_VIOLATION', message: 'Content does not meet safety guidelines' },
  insufficientCredits: { code: 'INSUFFICIENT_CREDITS', message: 'Account has no credits' },
  invalidImage: { code: 'INVALID_IMAGE_URL', message: 'Cannot access provided image URL' },
  /** Not in APIXO's published failCode list: our simulator's stand-in, shaped like the image one. */
  invalidAudio: { code: 'INVALID_AUDIO_URL', message: 'Cannot use provided audio URL' },
} as const;

export function viewTask(task: TaskRecord, now: number): TaskView {
  const running = (state: TaskState): TaskView => ({
    state,
    completeTime: null,
    failCode: null,
    failMsg: null,
  });
  if (now < task.pendingUntil) return running('pending');
  if (task.plannedFailure) return failed(task.pendingUntil, task.plannedFailure);
  let completeTime = task.completeAt;
  for (const [check, failure] of [
    [task.image, FAIL.invalidImage],
    [task.audio, FAIL.invalidAudio],
  ] as const) {
    if (!check) continue;
    const { status, settledAt } = check;
    if (status === 'failed' && settledAt !== null) return failed(settledAt, failure);
    if (status !== 'ok' || settledAt === null) return running('processing');
    completeTime = Math.max(completeTime, settledAt);
  }
  if (now < completeTime) return running('processing');
  return { state: 'success', completeTime, failCode: null, failMsg: null };
}

function failed(at: number, failure: { code: string; message: string }): TaskView {
  return { state: 'failed', completeTime: at, failCode: failure.code, failMsg: failure.message };
}

/** Past its lifetime, or expired by hand (expireResults). */
export function isResultExpired(task: TaskRecord, view: TaskView, now: number, ttlMs: number): boolean {
  if (task.expiredAt !== null && now >= task.expiredAt) return true;
  return view.completeTime !== null && now >= view.completeTime + ttlMs;
}

export function isActive(view: TaskView): boolean {
  return view.state === 'pending' || view.state === 'processing';
}

/** The status/callback `data` object, shaped exactly as the docs show each state. */
export function statusData(task: TaskRecord, view: TaskView, resultUrl: string): Record<string, unknown> {
  const data: Record<string, unknown> = { taskId: task.taskId, state: view.state };
  if (view.state === 'success' && view.completeTime !== null) {
    data.resultJson = JSON.stringify({ resultUrls: [resultUrl] });
    data.createTime = task.createdAt;
    data.completeTime = view.completeTime;
    data.costTime = view.completeTime - task.createdAt;
  } else if (view.state === 'failed') {
    data.failCode = view.failCode;
    data.failMsg = view.failMsg;
    data.createTime = task.createdAt;
    data.completeTime = view.completeTime;
  } else {
    data.createTime = task.createdAt;
  }
  return data;
}
