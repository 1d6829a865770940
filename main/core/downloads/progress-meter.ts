// Throttled progress with a smoothed speed: the UI gets at most one update per interval, and the
// speed does not jump around with every network burst.
import type { Clock } from '../clock';

export interface DownloadProgress {
  bytes: number;
  total: number | null;
  bytesPerSecond: number;
}

/** Weight of the newest sample in the moving average. */
const SMOOTHING = 0.3;

export class ProgressMeter {
  private lastEmitAt: number;
  private lastFetched = 0;
  private rate = 0;
  private hasRate = false;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly onProgress: ((p: DownloadProgress) => void) | undefined,
  ) {
    this.lastEmitAt = clock.now();
  }

  /** `fetched` counts wire bytes (speed); `bytes` is how much of the file is on disk (position). */
  update(bytes: number, total: number | null, fetched: number): void {
    if (!this.onProgress) return;
    if (this.clock.now() - this.lastEmitAt < this.intervalMs) return;
    this.emit(bytes, total, fetched);
  }

  /** Unthrottled: used for the final 100 % so the UI never stops at 97 %. */
  flush(bytes: number, total: number | null, fetched: number): void {
    if (this.onProgress) this.emit(bytes, total, fetched);
  }

  private emit(bytes: number, total: number | null, fetched: number): void {
    const now = this.clock.now();
    const elapsedMs = now - this.lastEmitAt;
    if (elapsedMs > 0) {
      const sample = ((fetched - this.lastFetched) * 1000) / elapsedMs;
      this.rate = this.hasRate ? SMOOTHING * sample + (1 - SMOOTHING) * this.rate : sample;
      this.hasRate = true;
    }
    this.lastEmitAt = now;
    this.lastFetched = fetched;
    this.onProgress?.({ bytes, total, bytesPerSecond: Math.round(this.rate) });
  }
}
