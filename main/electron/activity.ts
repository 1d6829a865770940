// What the shell knows about work in flight, for the taskbar, the tray and notifications: the
// generations that are running or waiting for the user, and the latest download figures. Fed by
// the queue snapshot at start and by core events after that. Electron-free.
import type { DownloadProgressEvent, GenerationRecord } from '../../shared/contract/contract';
import type { GenerationState } from '../../shared/domain/states';

export const RUNNING_STATES: ReadonlySet<GenerationState> = new Set([
  'queued',
  'submitting',
  'pending',
  'processing',
  'downloading',
]);
/** Not final, but nothing happens until the user decides. */
export const ATTENTION_STATES: ReadonlySet<GenerationState> = new Set(['uncertain', 'stalled']);

export interface TrackedGeneration {
  record: GenerationRecord;
  download: { bytes: number; total: number | null } | null;
}

export class Activity {
  private readonly tracked = new Map<string, TrackedGeneration>();

  /** Learned expected durations per `${resolution}/${duration}` (from the queue snapshot). */
  constructor(private expectedMs: Record<string, number> = {}) {}

  setExpected(expectedMs: Record<string, number>): void {
    this.expectedMs = expectedMs;
  }

  /** Applies an update; returns the state we knew before (null when we were not tracking it). */
  apply(record: GenerationRecord): GenerationState | null {
    const previous = this.tracked.get(record.id);
    if (RUNNING_STATES.has(record.state) || ATTENTION_STATES.has(record.state)) {
      const keepDownload = record.state === 'downloading' ? (previous?.download ?? null) : null;
      this.tracked.set(record.id, { record, download: keepDownload });
    } else {
      this.tracked.delete(record.id);
    }
    return previous?.record.state ?? null;
  }

  progress(event: DownloadProgressEvent): void {
    const entry = this.tracked.get(event.id);
    if (entry) entry.download = { bytes: event.bytes, total: event.total };
  }

  running(): TrackedGeneration[] {
    return [...this.tracked.values()].filter((entry) => RUNNING_STATES.has(entry.record.state));
  }

  needingAttention(): number {
    let count = 0;
    for (const entry of this.tracked.values()) if (ATTENTION_STATES.has(entry.record.state)) count++;
    return count;
  }

  expectedFor(record: GenerationRecord): number | null {
    return this.expectedMs[`${record.params.resolution}/${record.params.duration}`] ?? null;
  }
}
