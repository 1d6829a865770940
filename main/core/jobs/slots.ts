// A counting semaphore for remote tasks in flight (APIXO allows 1000 concurrent tasks per key).
// Waiters are served first come, first served, so a queued batch starts in order.
export class Slots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private capacity: number) {}

  get inUse(): number {
    return this.used;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Take a slot without waiting (for tasks that were already remote before a restart). */
  claim(): void {
    this.used++;
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.used < this.capacity && this.waiting.length === 0) {
      this.used++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.used++;
        resolve();
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason);
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    this.used = Math.max(0, this.used - 1);
    while (this.used < this.capacity && this.waiting.length > 0) this.waiting.shift()?.();
  }

  setCapacity(capacity: number): void {
    this.capacity = capacity;
    while (this.used < this.capacity && this.waiting.length > 0) this.waiting.shift()?.();
  }
}
