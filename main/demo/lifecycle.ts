// The two things a task does on its own, besides changing state: fetching its reference image
// when it starts running, and POSTing the callback when it finishes (retrying on the documented
// schedule). Both are driven by the injected clock.
import type { Clock } from '../core/clock';
import { checkAudioUrl } from './audio-check';
import { postCallback } from './callback-post';
import { ok } from './envelope';
import { checkImageUrl } from './image-check';
import type { ResolvedOptions } from './options';
import type { SimulatorStats } from './stats';
import { statusData, type TaskRecord, viewTask } from './task';

export interface LifecycleDeps {
  options: ResolvedOptions;
  clock: Clock;
  stats: SimulatorStats;
  resultUrl(task: TaskRecord): string;
  persist(): Promise<void>;
}

export class TaskLifecycle {
  private readonly timers = new Set<{ cancel(): void }>();
  private readonly inflight = new Set<Promise<void>>();
  /** Tasks whose callback is being delivered (or retried) in this process. */
  private readonly delivering = new Set<string>();
  private readonly abort = new AbortController();

  constructor(private readonly deps: LifecycleDeps) {}

  /** Arms whatever the task still has to do: for a new task, or one reloaded from disk. */
  track(task: TaskRecord): void {
    if (task.image && task.image.status !== 'ok' && task.image.status !== 'failed') {
      // A fetch cut off by a restart starts over.
      task.image.status = 'waiting';
      this.at(task.pendingUntil, () => this.run(this.checkLink(task, 'image')));
    }
    if (task.audio && task.audio.status !== 'ok' && task.audio.status !== 'failed') {
      task.audio.status = 'waiting';
      this.at(task.pendingUntil, () => this.run(this.checkLink(task, 'audio')));
    }
    if (task.callback && !task.callback.delivered && !task.callback.abandoned) {
      const finish = task.plannedFailure ? task.pendingUntil : task.completeAt;
      this.at(finish, () => this.deliverIfFinished(task));
    }
  }

  /** Resolves when no image fetch or callback POST is in flight. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  close(): void {
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    this.abort.abort(new Error('simulator closed'));
  }

  private at(time: number, fn: () => void): void {
    if (this.abort.signal.aborted) return;
    if (time <= this.deps.clock.now()) {
      // Already due (e.g. reloaded after a restart): run now instead of waiting for a clock tick,
      // which a manual test clock would never give.
      const immediate = setImmediate(() => {
        this.timers.delete(handle);
        fn();
      });
      const handle = { cancel: () => clearImmediate(immediate) };
      this.timers.add(handle);
      return;
    }
    const timer = this.deps.clock.setTimeout(
      () => {
        this.timers.delete(timer);
        // Timers may fire a millisecond early (a scaled clock rounds); never act before due time.
        if (this.deps.clock.now() < time) this.at(time, fn);
        else fn();
      },
      Math.max(0, time - this.deps.clock.now()),
    );
    this.timers.add(timer);
  }

  private run(work: Promise<void>): void {
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work));
  }

  /** APIXO fetches image_urls[0] / audio_urls[0] when the task runs; so do we, for real. */
  private async checkLink(task: TaskRecord, which: 'image' | 'audio'): Promise<void> {
    const url = which === 'image' ? task.params.imageUrl : task.params.audioUrl;
    const check = task[which];
    if (check?.status !== 'waiting' || !url) return;
    check.status = 'fetching';
    if (which === 'image') this.deps.stats.imageFetches += 1;
    const result = await (which === 'image' ? checkImageUrl : checkAudioUrl)(url, this.abort.signal);
    if (this.abort.signal.aborted) return;
    task[which] = {
      status: result.ok ? 'ok' : 'failed',
      settledAt: this.deps.clock.now(),
      detail: result.detail,
    };
    await this.deps.persist().catch(() => {});
    this.deliverIfFinished(task);
  }

  private deliverIfFinished(task: TaskRecord): void {
    const callback = task.callback;
    if (!callback || callback.delivered || callback.abandoned || this.delivering.has(task.taskId)) return;
    const view = viewTask(task, this.deps.clock.now());
    // Still waiting for the image fetch: its completion calls us again.
    if (view.state !== 'success' && view.state !== 'failed') return;
    this.delivering.add(task.taskId);
    this.run(this.attempt(task, 0));
  }

  private async attempt(task: TaskRecord, retry: number): Promise<void> {
    const callback = task.callback;
    if (!callback || !task.callbackUrl) return;
    const { options, stats, clock } = this.deps;
    const payload = ok(statusData(task, viewTask(task, clock.now()), this.deps.resultUrl(task))).body;
    callback.attempts += 1;
    const outcome = await postCallback(
      options.callbackTunnel(task.callbackUrl),
      payload,
      options.callbackTimeoutMs,
      this.abort.signal,
    );
    if (this.abort.signal.aborted) return;
    if (outcome.delivered) {
      stats.callbacksDelivered += 1;
      callback.delivered = true;
    } else {
      stats.callbacksFailed += 1;
      const delay = options.callbackRetryDelaysMs[retry];
      if (delay === undefined) {
        stats.callbacksAbandoned += 1;
        callback.abandoned = true;
      } else {
        this.at(clock.now() + delay, () => this.run(this.attempt(task, retry + 1)));
      }
    }
    await this.deps.persist().catch(() => {});
  }
}
