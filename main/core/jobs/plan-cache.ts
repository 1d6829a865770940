// Poll plans per backend × resolution × duration, learned from the library's history and kept for a
// minute: planning reads the history table, and a batch of a thousand jobs must not read it a
// thousand times. A finished job drops its plan so the next one learns from it at once.
import type { GenerationParams } from '../../../shared/domain/params';
import type { Clock } from '../clock';
import type { GenerationRecord, LibraryStore } from '../library/types';
import { type PollPlan, planPolling } from './poll-planner';

const PLAN_CACHE_MS = 60_000;

type Backend = GenerationRecord['backend'];

export interface PlanCacheOptions {
  library: Pick<LibraryStore, 'costTimeHistory'>;
  clock: Clock;
  /** The polling strategy; benchmarks swap in the documented one to compare. */
  planner?: typeof planPolling;
  /** How much faster than APIXO a backend's tasks run (the demo simulator's time scale). */
  timeScaleFor?: (backend: Backend) => number;
}

const keyOf = (backend: string, resolution: string, duration: number) =>
  `${backend}/${resolution}/${duration}`;

export class PlanCache {
  private readonly plans = new Map<string, { plan: PollPlan; at: number }>();

  constructor(private readonly options: PlanCacheOptions) {}

  get(
    resolution: GenerationParams['resolution'],
    duration: GenerationParams['duration'],
    backend: Backend,
  ): PollPlan {
    const key = keyOf(backend, resolution, duration);
    const now = this.options.clock.now();
    const cached = this.plans.get(key);
    if (cached && now - cached.at < PLAN_CACHE_MS) return cached.plan;
    const history = this.options.library.costTimeHistory(resolution, duration, { backend });
    const planner = this.options.planner ?? planPolling;
    const plan = planner(resolution, duration, history, this.options.timeScaleFor?.(backend) ?? 1);
    this.plans.set(key, { plan, at: now });
    return plan;
  }

  /** A finished job is a new sample of the history: plan afresh for its kind next time. */
  forget(record: GenerationRecord): void {
    this.plans.delete(keyOf(record.backend, record.params.resolution, record.params.duration));
  }
}
