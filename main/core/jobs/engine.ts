// The durable job engine. Every generation is driven by one runner that reads its stored state,
// does the next step (submit, poll, download) and persists the result, so after a crash or restart
// `start()` simply picks every unfinished job up where it was.

import type { ApixoClient } from '../apixo/client';
import type { GenerationParams, SubmitOptions } from '../apixo/params';
import { estimateCostUsd } from '../apixo/pricing';
import type { Clock } from '../clock';
import type { DownloadProgress } from '../downloads/download-file';
import type { DownloadQueue } from '../downloads/download-queue';
import { StudioError } from '../errors';
import type { GenerationPatch, GenerationRecord, ImageSource, LibraryStore } from '../library/types';
import { type AddressPolicy, publicInternetOnly } from '../net/address-policy';
import type { EngineLogger, JobContext, Runner } from './context';
import { downloadStep } from './download-step';
import type { ReferenceHost } from './host-step';
import { NetworkMonitor } from './network-monitor';
import { type PollPlan, planPolling } from './poll-planner';
import { pollStep } from './poll-step';
import { Slots } from './slots';
import { REMOTE_STATES } from './states';
import { recoverSubmitting, submitStep } from './submit-step';

export const MAX_REMOTE_TASKS = 1000;
const PLAN_CACHE_MS = 60_000;
/** A runner that crashed on something unexpected (a full disk, a bug) tries again after this. */
const CRASH_RETRY_MS = 15_000;
const SEED_MAX = 2_147_483_647;

const planKey = (backend: string, resolution: string, duration: number) =>
  `${backend}/${resolution}/${duration}`;

export interface JobEngineOptions {
  library: LibraryStore;
  /** The client a generation talks to (demo generations keep using the simulator). */
  clientFor(record: GenerationRecord): ApixoClient;
  clock: Clock;
  downloads: DownloadQueue;
  /**
   * Where a generation's result link (and its redirects) may lead. Default: the public internet
   * only; the composition root lets a local simulator's links through.
   */
  resultLinkPolicy?: (record: GenerationRecord) => AddressPolicy;
  log: EngineLogger;
  delivery(target: Pick<GenerationRecord, 'backend'>): SubmitOptions;
  onUpdate(record: GenerationRecord): void;
  onProgress(id: string, progress: DownloadProgress): void;
  network?: NetworkMonitor;
  maxRemoteTasks?: number;
  random?: () => number;
  /** How much faster than APIXO a backend's tasks run (the demo simulator's time scale). Default 1. */
  timeScaleFor?: (backend: GenerationRecord['backend']) => number;
  /** The polling strategy; benchmarks swap in the documented one to compare. Default planPolling. */
  planner?: typeof planPolling;
  /** Uploads reference images from this computer before submit, and deletes them after. */
  hosting?: ReferenceHost;
}

export interface EnqueueRequest {
  params: GenerationParams;
  count: number;
  seedMode: 'random' | 'fixed';
  projectId: string | null;
  backend: 'apixo' | 'demo';
  /**
   * image-to-video: the reference images kept in the library. Each makes `count` generations with
   * the same settings (dropping several images makes one batch). 'url' keeps params.imageUrl;
   * 'hosted' uploads the image before submit.
   */
  images?: { referenceImagePath: string; imageSource: ImageSource; imageUrl?: string }[];
}

export class JobEngine {
  readonly network: NetworkMonitor;
  private readonly options: JobEngineOptions;
  private readonly slots: Slots;
  private readonly runners = new Map<string, { runner: Runner; done: Promise<void> }>();
  private readonly plans = new Map<string, { plan: PollPlan; at: number }>();
  private readonly context: JobContext;
  private started = false;
  private stopping = false;

  constructor(options: JobEngineOptions) {
    this.options = options;
    this.network = options.network ?? new NetworkMonitor(options.clock, options.random);
    this.slots = new Slots(options.maxRemoteTasks ?? MAX_REMOTE_TASKS);
    this.context = {
      library: options.library,
      clientFor: options.clientFor,
      clock: options.clock,
      downloads: options.downloads,
      resultLinkPolicy: options.resultLinkPolicy ?? (() => publicInternetOnly),
      network: this.network,
      slots: this.slots,
      log: options.log,
      delivery: options.delivery,
      plan: (record) => this.plan(record.params.resolution, record.params.duration, record.backend),
      onProgress: options.onProgress,
      hosting: options.hosting ?? null,
      write: (runner, patch) => (runner.controller.signal.aborted ? null : this.update(runner.id, patch)),
      releaseSlot: (runner) => {
        if (runner.holdsSlot) {
          runner.holdsSlot = false;
          this.slots.release();
        }
      },
    };
  }

  /** Resume every unfinished job from its stored state. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const record of this.options.library.listActive()) this.spawn(record);
  }

  /** Stop all work, leaving every job in a state `start()` can resume. */
  async stop(): Promise<void> {
    this.stopping = true;
    const running = [...this.runners.values()];
    for (const { runner } of running)
      runner.controller.abort(new StudioError({ kind: 'cancelled', userMessage: 'Stopping.' }));
    await Promise.allSettled(running.map(({ done }) => done));
  }

  enqueue(request: EnqueueRequest): GenerationRecord[] {
    const images = request.images && request.images.length > 0 ? request.images : [null];
    const total = images.length * request.count;
    const batchId = total > 1 ? `batch-${this.options.clock.now().toString(36)}` : null;
    const random = this.options.random ?? Math.random;
    const baseSeed =
      request.seedMode === 'fixed' && request.params.seed !== undefined ? request.params.seed : null;
    const created: GenerationRecord[] = [];
    for (const image of images) {
      for (let index = 0; index < request.count; index++) {
        // Every generation records the seed it used, so a remix reproduces it exactly.
        const seed =
          baseSeed !== null ? (baseSeed + index) % (SEED_MAX + 1) : Math.floor(random() * SEED_MAX);
        const params = { ...request.params, seed };
        if (image?.imageSource === 'hosted') delete params.imageUrl;
        else if (image?.imageUrl) params.imageUrl = image.imageUrl;
        const record = this.options.library.createGeneration({
          projectId: request.projectId,
          batchId,
          params,
          backend: request.backend,
          requestType: this.options.delivery({ backend: request.backend }).requestType,
          estimatedCostUsd: estimateCostUsd(request.params.resolution, request.params.duration),
          referenceImagePath: image?.referenceImagePath ?? null,
          imageSource: image?.imageSource ?? null,
        });
        created.push(record);
        this.options.onUpdate(record);
        if (this.started) this.spawn(record);
      }
    }
    return created;
  }

  cancel(id: string): GenerationRecord {
    const record = this.require(id);
    if (['done', 'failed', 'expired', 'cancelled'].includes(record.state)) {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: 'This generation has already finished.',
      });
    }
    const entry = this.runners.get(id);
    if (record.state === 'submitting' && entry) {
      // The request is on the wire; let it land so the taskId is kept, then cancel.
      entry.runner.cancelRequested = true;
      void entry.done.then(() => this.finishCancel(id));
      return record;
    }
    entry?.runner.controller.abort(new StudioError({ kind: 'cancelled', userMessage: 'Cancelled.' }));
    return this.finishCancel(id);
  }

  retry(id: string): GenerationRecord {
    const record = this.require(id);
    const now = this.options.clock.now();
    const cleared: GenerationPatch = {
      errorKind: null,
      errorMessage: null,
      failCode: null,
      failMsg: null,
      completedAt: null,
    };
    let patch: GenerationPatch;
    if (record.state === 'stalled') return this.checkAgain(id);
    if (record.state === 'failed' && record.taskId && record.resultUrl) {
      patch = { ...cleared, state: 'downloading', nextCheckAt: now }; // the video exists remotely: resume the download
    } else if (record.state === 'expired' || (record.state === 'cancelled' && record.taskId)) {
      patch = { ...cleared, state: 'pending', nextCheckAt: now }; // ask again; a fresh link may exist
    } else if (record.state === 'failed' || record.state === 'cancelled') {
      patch = {
        ...cleared,
        state: 'queued',
        taskId: null,
        resultUrl: null,
        submittedAt: null,
        nextCheckAt: null,
        pollCount: 0,
      };
    } else {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: `A ${record.state} generation cannot be retried.`,
      });
    }
    return this.restart(id, patch);
  }

  /** `uncertain`: the user accepts the risk of paying twice. */
  resubmit(id: string): GenerationRecord {
    this.requireState(id, ['uncertain']);
    return this.restart(id, {
      state: 'queued',
      taskId: null,
      errorKind: null,
      errorMessage: null,
      nextCheckAt: null,
      submittedAt: null,
    });
  }

  /** `uncertain`: the user gives up on it. */
  dismiss(id: string): GenerationRecord {
    this.requireState(id, ['uncertain']);
    return this.update(id, {
      state: 'cancelled',
      completedAt: this.options.clock.now(),
      errorMessage: 'Dismissed: not resubmitted.',
    });
  }

  /** `stalled` (or a waiting job): query status right now. */
  checkAgain(id: string): GenerationRecord {
    const record = this.requireState(id, ['stalled', 'pending', 'processing']);
    if (!record.taskId)
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: 'This generation has no task to check.',
      });
    const updated = this.restart(id, {
      state: record.state === 'stalled' ? 'processing' : record.state,
      nextCheckAt: this.options.clock.now(),
      errorMessage: null,
    });
    const entry = this.runners.get(id);
    if (entry) entry.runner.stallBase = this.options.clock.now();
    return updated;
  }

  /** A callback delivery named this task: query it now (its payload is never trusted). */
  hint(taskId: string): boolean {
    for (const { runner } of this.runners.values()) {
      const record = this.options.library.getGeneration(runner.id);
      if (record?.taskId === taskId) {
        runner.wake();
        return true;
      }
    }
    return false;
  }

  expectedMs(
    resolution: GenerationParams['resolution'],
    duration: GenerationParams['duration'],
    backend: GenerationRecord['backend'] = 'apixo',
  ): number {
    return this.plan(resolution, duration, backend).expectedMs;
  }

  activeCount(): number {
    return this.runners.size;
  }

  private plan(
    resolution: GenerationParams['resolution'],
    duration: GenerationParams['duration'],
    backend: GenerationRecord['backend'],
  ): PollPlan {
    const key = planKey(backend, resolution, duration);
    const now = this.options.clock.now();
    const cached = this.plans.get(key);
    if (cached && now - cached.at < PLAN_CACHE_MS) return cached.plan;
    const history = this.options.library.costTimeHistory(resolution, duration, { backend });
    const planner = this.options.planner ?? planPolling;
    const plan = planner(resolution, duration, history, this.options.timeScaleFor?.(backend) ?? 1);
    this.plans.set(key, { plan, at: now });
    return plan;
  }

  private update(id: string, patch: GenerationPatch): GenerationRecord {
    const record = this.options.library.updateGeneration(id, patch);
    // A finished job is a new sample of the history the plan learns from: plan afresh next time,
    // instead of polling a whole batch on a plan made before its first results were in.
    if (patch.state === 'done') {
      this.plans.delete(planKey(record.backend, record.params.resolution, record.params.duration));
    }
    this.options.onUpdate(record);
    // A hosted reference image may be deleted once APIXO is done with it (the hosting decides).
    if (patch.state !== undefined && record.imageSource === 'hosted' && this.options.hosting) {
      void this.options.hosting.release(record).catch((error: unknown) => {
        this.options.log.warn('hosted image clean-up failed', { id, error });
      });
    }
    return record;
  }

  private require(id: string): GenerationRecord {
    const record = this.options.library.getGeneration(id);
    if (!record)
      throw new StudioError({ kind: 'not_found', userMessage: 'This generation no longer exists.' });
    return record;
  }

  private requireState(id: string, states: GenerationRecord['state'][]): GenerationRecord {
    const record = this.require(id);
    if (!states.includes(record.state)) {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: `Not possible while the generation is ${record.state}.`,
      });
    }
    return record;
  }

  private finishCancel(id: string): GenerationRecord {
    const record = this.require(id);
    if (record.state === 'cancelled') return record;
    this.options.library.clearPartialDownload(id);
    return this.update(id, {
      state: 'cancelled',
      nextCheckAt: null,
      completedAt: this.options.clock.now(),
      errorMessage: record.taskId
        ? 'Stopped tracking. APIXO has no cancel endpoint, so the task may still finish and be charged.'
        : null,
    });
  }

  private restart(id: string, patch: GenerationPatch): GenerationRecord {
    const entry = this.runners.get(id);
    const record = this.update(id, patch);
    if (entry) entry.runner.wake();
    else if (this.started) this.spawn(record);
    return record;
  }

  private spawn(record: GenerationRecord): void {
    if (this.stopping || this.runners.has(record.id)) return;
    const runner = this.createRunner(record.id);
    if (REMOTE_STATES.has(record.state) && record.state !== 'submitting') {
      this.slots.claim();
      runner.holdsSlot = true;
    }
    let crashed = false;
    const done = this.drive(runner)
      .catch((error: unknown) => {
        if (runner.controller.signal.aborted) return;
        crashed = true;
        this.options.log.error('job runner crashed', { id: runner.id, error });
      })
      .finally(() => {
        this.context.releaseSlot(runner);
        this.runners.delete(runner.id);
        // Never leave a job orphaned: its state is stored, so a fresh runner can pick it up.
        if (crashed && !this.stopping) {
          this.options.clock.setTimeout(() => {
            const current = this.options.library.getGeneration(runner.id);
            if (current && !this.stopping) this.spawn(current);
          }, CRASH_RETRY_MS);
        }
      });
    this.runners.set(record.id, { runner, done });
  }

  private async drive(runner: Runner): Promise<void> {
    const signal = runner.controller.signal;
    while (!signal.aborted) {
      const record = this.options.library.getGeneration(runner.id);
      if (!record || record.deletedAt !== null) return;
      switch (record.state) {
        case 'queued':
          await submitStep(this.context, runner, record);
          if (runner.cancelRequested) return;
          break;
        case 'submitting':
          recoverSubmitting(this.context, runner, record);
          break;
        case 'pending':
        case 'processing':
          await pollStep(this.context, runner, record);
          break;
        case 'downloading':
          await downloadStep(this.context, runner, record);
          break;
        default:
          return; // uncertain, stalled and the terminal states wait for the user
      }
    }
  }

  private createRunner(id: string): Runner {
    const controller = new AbortController();
    let wakeController = new AbortController();
    const clock = this.options.clock;
    return {
      id,
      controller,
      cancelRequested: false,
      holdsSlot: false,
      consecutiveErrors: 0,
      notFoundCount: 0,
      urlRefreshed: false,
      stallBase: null,
      wake: () => wakeController.abort(),
      async sleepUntil(at) {
        controller.signal.throwIfAborted();
        const delay = at === null ? 0 : at - clock.now();
        if (delay <= 0) return;
        wakeController = new AbortController();
        const both = AbortSignal.any([controller.signal, wakeController.signal]);
        await clock.sleep(delay, both).catch(() => {});
        controller.signal.throwIfAborted();
      },
    };
  }
}
