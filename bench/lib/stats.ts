// Small statistics shared by every benchmark: nearest-rank percentiles and a summary of a sample.
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  const mean = n === 0 ? Number.NaN : samples.reduce((sum, value) => sum + value, 0) / n;
  return {
    n,
    mean,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    max: n === 0 ? Number.NaN : Math.max(...samples),
  };
}

/** Rounds for tables and JSON: enough digits to compare runs, no float noise. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * An event-loop delay from a `monitorEventLoopDelay` reading: the histogram records the time
 * between two of its timer's ticks, so an idle loop reads ~`resolutionMs`; the delay is the rest.
 */
export function delayBeyondSampling(recordedMs: number, resolutionMs: number): number {
  return Math.max(0, recordedMs - resolutionMs);
}
