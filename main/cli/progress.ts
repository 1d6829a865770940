// Drives the progress line of `generate --wait`: only when stdout is a terminal and the output is
// not --json (a script or a pipe gets the state-change lines, or nothing, never a redrawn line).
// The line is redrawn on every event and once a second (so elapsed time moves), and erased before
// the command prints its result.
import type { StudioApi } from '../../shared/contract/contract';
import type { GenerationRecord } from '../core/library/types';
import type { CliValues } from './args';
import { type ProgressItem, renderProgressLine } from './progress-line';

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressDisplay {
  update(record: GenerationRecord): void;
  stop(): void;
}

/** A terminal that reports no size (a bare pseudo-terminal) falls back to $COLUMNS, then 80. */
function columnsOf(out: Terminal): number {
  return out.columns || Number(process.env.COLUMNS) || 80;
}

export function showsProgress(values: CliValues, stdout: Terminal = process.stdout): boolean {
  return Boolean(stdout.isTTY) && !values.json;
}

export async function startProgress(
  api: StudioApi,
  records: GenerationRecord[],
  out: Terminal = process.stderr,
  now: () => number = Date.now,
): Promise<ProgressDisplay> {
  const startedAt = now();
  const snapshot = await api.queue.snapshot().catch(() => null);
  const items = new Map<string, ProgressItem>();
  const see = (record: GenerationRecord) => {
    const expected = snapshot?.expectedMs[`${record.params.resolution}/${record.params.duration}`];
    items.set(record.id, {
      state: record.state,
      submittedAt: record.submittedAt,
      expectedMs: expected ?? null,
      download: items.get(record.id)?.download ?? null,
    });
  };
  for (const record of records) see(record);
  const draw = () =>
    out.write(`\r\x1b[K${renderProgressLine([...items.values()], startedAt, now(), columnsOf(out))}`);
  const offProgress = api.on('download.progress', ({ id, bytes, total }) => {
    const item = items.get(id);
    if (!item) return;
    item.download = { bytes, total };
    draw();
  });
  const timer = setInterval(draw, 1000);
  draw();
  return {
    update(record) {
      if (!items.has(record.id)) return;
      see(record);
      draw();
    },
    stop() {
      clearInterval(timer);
      offProgress();
      out.write('\r\x1b[K');
    },
  };
}
