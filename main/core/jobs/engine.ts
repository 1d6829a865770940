// The durable job engine. Every generation is driven by one runner that reads its stored state,
// does the next step (submit, poll, download) and persists the result, so after a crash or restart
// `start()` simply picks every unfinished job up where it was.

import type { GenerationParams } from '../../../shared/domain/params';
import { modelOf } from '../../../shared/domain/params';
import { estimateCostUsd } from '../../../shared/domain/pricing';
import { REMOTE_STATES } from '../../../shared/domain/states';
import type { ApixoClient } from '../apixo/client';
import type { SubmitOptions } from '../apixo/request-body';
import type { Clock } from '../clock';
import type { DownloadProgress } from '../downloads/download-file';
import type { DownloadQueue } from '../downloads/download-queue';
import { StudioError } from '../errors';
import type { GenerationPatch, GenerationRecord, LibraryStore } from '../library/types';
import type { LogSink } from '../log/log-sink';
import { type AddressPolicy, publicInternetOnly } from '../net/address-policy';
import { type EnqueueRequest, expandBatch } from './batch';
import type { JobContext, Runner } from './context';
import { downloadStep } from './download-step';
import { NetworkMonitor } from './network-monitor';
import { PlanCache } from './plan-cache';
import type { planPolling } from './poll-planner';
import { pollStep } from './poll-step';
import type { ReferenceHost } from './reference-host';
import { createRunner } from './runner';
import { Slots } from './slots';
import { recoverSubmitting, submitStep } from './submit-step';
import {
  assertCancellable,
  cancelledPatch,
  checkAgainPatch,
  dismissPatch,
  releasePatch,
  resubmitPatch,
  retryPatch,
} from './transitions';

export type { EnqueueRequest };

export const MAX_REMOTE_TASKS = 1000;
/** A runner that crashed on something unexpected (a full disk, a bug) tries again after this. */
const CRASH_RETRY_MS = 15_000;
/** States a runner works on by itself; the others wait for the user. */
const DRIVEN_STATES: ReadonlySet<GenerationRecord['state']> = new Set([
  'queued',
  'submitting',
  'pending',
  'processing',
  'downloading',
]);

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
  log: LogSink;
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

export class JobEngine {
  readonly network: NetworkMonitor;
  private readonly options: JobEngineOptions;
  private readonly slots: Slots;
  private readonly runners = new Map<string, { runner: Runner; done: Promise<void> }>();
  private readonly plans: PlanCache;
  private readonly context: JobContext;
  private started = false;
  private stopping = false;

  constructor(options: JobEngineOptions) {
    this.options = options;
    this.network = options.network ?? new NetworkMonitor(options.clock, options.random);
    this.slots = new Slots(options.maxRemoteTasks ?? MAX_REMOTE_TASKS);
    this.plans = new PlanCache(options);
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
      plan: (record) => this.plans.get(record.params.resolution, record.params.duration, record.backend),
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
    const generations = expandBatch(request, {
      now: this.options.clock.now(),
      random: this.options.random ?? Math.random,
      requestType: this.options.delivery({ backend: request.backend }).requestType,
    });
    return generations.map((generation) => {
      const record = this.options.library.createGeneration(generation);
      this.options.onUpdate(record);
      if (this.started) this.spawn(record);
      return record;
    });
  }

  cancel(id: string): GenerationRecord {
    const record = this.require(id);
    assertCancellable(record);
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
    if (record.state === 'stalled') return this.checkAgain(id);
    return this.restart(id, retryPatch(record, this.options.clock.now()));
  }

  /** `uncertain`: the user accepts the risk of paying twice. */
  resubmit(id: string): GenerationRecord {
    return this.restart(id, resubmitPatch(this.require(id)));
  }

  /** `uncertain`: the user gives up on it. */
  dismiss(id: string): GenerationRecord {
    return this.update(id, dismissPatch(this.require(id), this.options.clock.now()));
  }

  /** `held`: send it (see releasePatch: past the caps when a cap held it). */
  release(id: string): GenerationRecord {
    return this.restart(id, releasePatch(this.require(id)));
  }

  /** The budget changed: every job a cap held meets the caps again at its submit. */
  recheckHeld(): GenerationRecord[] {
    return this.options.library
      .listActive()
      .filter((record) => record.state === 'held' && record.hold?.kind === 'over_budget')
      .map((record) => this.restart(record.id, { ...releasePatch(record), budgetReleased: false }));
  }

  /** Staging: new parameters for a held generation (its estimate follows). */
  editHeld(id: string, params: GenerationParams): GenerationRecord {
    const cost = estimateCostUsd(params.resolution, params.duration, 1, modelOf(params));
    const record = this.options.library.editHeldParams(id, params, cost);
    this.options.onUpdate(record);
    return record;
  }

  /** `stalled` (or a waiting job): query status right now. */
  checkAgain(id: string): GenerationRecord {
    const updated = this.restart(id, checkAgainPatch(this.require(id), this.options.clock.now()));
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
    return this.plans.get(resolution, duration, backend).expectedMs;
  }

  activeCount(): number {
    return this.runners.size;
  }

  private update(id: string, patch: GenerationPatch): GenerationRecord {
    const record = this.options.library.updateGeneration(id, patch);
    // A finished job is a new sample of the history the plan learns from: plan afresh next time,
    // instead of polling a whole batch on a plan made before its first results were in.
    if (patch.state === 'done') this.plans.forget(record);
    this.options.onUpdate(record);
    // A hosted reference image or audio may be deleted once APIXO is done with it (the hosting decides).
    const hosted = record.imageSource === 'hosted' || record.audioSource === 'hosted';
    if (patch.state !== undefined && hosted && this.options.hosting) {
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

  private finishCancel(id: string): GenerationRecord {
    const record = this.require(id);
    if (record.state === 'cancelled') return record;
    this.options.library.clearPartialDownload(id);
    return this.update(id, cancelledPatch(record, this.options.clock.now()));
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
    const runner = createRunner(record.id, this.options.clock);
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
        } else if (!this.stopping && !runner.controller.signal.aborted && !runner.cancelRequested) {
          // A user action (release, retry) can land between the runner's last read and its exit:
          // its wake() then reached a runner already leaving, so the job gets a fresh one.
          const current = this.options.library.getGeneration(runner.id);
          if (current && current.deletedAt === null && DRIVEN_STATES.has(current.state)) this.spawn(current);
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
}
