// Everything a route handler needs, built once per simulator.
import type { Clock } from '../core/clock';
import type { ClipSet } from './clips';
import type { FaultController } from './faults';
import type { ResolvedOptions } from './options';
import type { SlidingWindowLimiter } from './rate-limit';
import type { SimulatorStats } from './stats';
import type { TaskRecord } from './task';
import type { TaskStore } from './task-store';

export interface SimContext {
  readonly options: ResolvedOptions;
  readonly clock: Clock;
  readonly stats: SimulatorStats;
  readonly faults: FaultController;
  readonly store: TaskStore;
  readonly limiter: SlidingWindowLimiter;
  readonly clips: ClipSet;
  resultUrl(task: TaskRecord): string;
  /** Resolves when the current state is on disk (at once without statePath). */
  persist(): Promise<void>;
  /** Arms a task's side effects: the image fetch and the callback. */
  track(task: TaskRecord): void;
  /** Real-time wait (for 'slow' faults) that close() cuts short. */
  realDelay(ms: number): Promise<void>;
}
