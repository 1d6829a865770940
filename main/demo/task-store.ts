// Every task the simulator knows, the account balance, and the bookkeeping the limits need.
// Plain memory; persistence (if any) snapshots it through toState() and restores it with load().
import { createHash, randomBytes } from 'node:crypto';
import { EXPECTED_RANGE_MS } from '../core/jobs/poll-planner';
import type { Random } from '../core/random';
import { isActive, type TaskRecord, viewTask } from './task';
import type { ValidSubmit } from './validate-submit';

/** Documented generation times (W-pl tips): 720p ~50-70 s, 1080p ~70-90 s (480p assumed 30-50 s). */
const DURATION_RANGE_MS = EXPECTED_RANGE_MS;
const PENDING_SHARE = 0.1;

export interface PersistedState {
  version: 1;
  balance: number;
  tasks: TaskRecord[];
  /** The port last listened on, so result URLs handed out before a restart keep working. */
  port?: number;
}

export interface NewTask {
  owner: string;
  bodyHash: string;
  submit: ValidSubmit;
  costUsd: number;
  plannedFailure: TaskRecord['plannedFailure'];
}

export class TaskStore {
  private readonly byId = new Map<string, TaskRecord>();
  private readonly byToken = new Map<string, TaskRecord>();
  private readonly bodyCounts = new Map<string, number>();
  /** Tasks that may still be pending/processing; pruned lazily, so counting stays cheap. */
  private readonly maybeActive = new Set<TaskRecord>();
  balance: number;

  constructor(
    balance: number,
    private readonly random: Random,
    private readonly timeScale: number,
  ) {
    this.balance = balance;
  }

  create(input: NewTask, now: number): TaskRecord {
    const [min, max] = DURATION_RANGE_MS[input.submit.params.resolution];
    const totalMs = (min + this.random() * (max - min)) * this.timeScale;
    const task: TaskRecord = {
      taskId: `task_${randomBytes(9).toString('hex')}`,
      owner: input.owner,
      bodyHash: input.bodyHash,
      requestType: input.submit.requestType,
      callbackUrl: input.submit.callbackUrl,
      params: input.submit.params,
      costUsd: input.costUsd,
      createdAt: now,
      pendingUntil: Math.round(now + totalMs * PENDING_SHARE),
      completeAt: Math.round(now + totalMs),
      plannedFailure: input.plannedFailure,
      image:
        input.submit.params.mode === 'image-to-video' && !input.plannedFailure
          ? { status: 'waiting', settledAt: null, detail: null }
          : null,
      audio:
        input.submit.params.audioUrl && !input.plannedFailure
          ? { status: 'waiting', settledAt: null, detail: null }
          : null,
      resultToken: randomBytes(12).toString('hex'),
      expiredAt: null,
      callback:
        input.submit.requestType === 'callback' ? { attempts: 0, delivered: false, abandoned: false } : null,
    };
    this.add(task);
    return task;
  }

  get(taskId: string): TaskRecord | undefined {
    return this.byId.get(taskId);
  }

  getByToken(token: string): TaskRecord | undefined {
    return this.byToken.get(token);
  }

  all(): TaskRecord[] {
    return [...this.byId.values()];
  }

  /** How many tasks were created from this exact body (same key). */
  identicalSubmits(bodyHash: string): number {
    return this.bodyCounts.get(bodyHash) ?? 0;
  }

  /** Tasks in pending/processing at `now`, optionally for one owner. */
  active(now: number, owner?: string): TaskRecord[] {
    const result: TaskRecord[] = [];
    for (const task of this.maybeActive) {
      if (!isActive(viewTask(task, now))) {
        // success/failed never turn back, so the task can leave the set for good.
        this.maybeActive.delete(task);
        continue;
      }
      if (owner === undefined || task.owner === owner) result.push(task);
    }
    return result;
  }

  toState(): PersistedState {
    return { version: 1, balance: this.balance, tasks: this.all() };
  }

  load(state: PersistedState): void {
    this.balance = state.balance;
    for (const task of state.tasks) this.add(task);
  }

  private add(task: TaskRecord): void {
    this.byId.set(task.taskId, task);
    this.byToken.set(task.resultToken, task);
    this.bodyCounts.set(task.bodyHash, (this.bodyCounts.get(task.bodyHash) ?? 0) + 1);
    this.maybeActive.add(task);
  }
}

/** The balance endpoint shows 4 decimals (74.8700); keep float noise out of it. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 10_000) / 10_000;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with sorted keys, so two bodies that differ only in key order hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
