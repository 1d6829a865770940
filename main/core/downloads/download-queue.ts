// A concurrency limiter: at most `concurrency` tasks run at once, the rest wait in FIFO order.
// It knows nothing about downloads; the engine wraps each downloadFile call in `run`.

export interface DownloadQueue {
  run<T>(task: () => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** Takes effect at once: raising it starts waiting tasks, lowering it lets running ones finish. */
  setConcurrency(concurrency: number): void;
  readonly concurrency: number;
  readonly active: number;
  readonly pending: number;
}

interface Waiting {
  start(): void;
}

export function createDownloadQueue(options: { concurrency: number }): DownloadQueue {
  let concurrency = checkConcurrency(options.concurrency);
  let active = 0;
  const waiting: Waiting[] = [];

  function pump(): void {
    while (active < concurrency && waiting.length > 0) {
      const next = waiting.shift();
      active++;
      next?.start();
    }
  }

  function run<T>(task: () => Promise<T>, runOptions?: { signal?: AbortSignal }): Promise<T> {
    const signal = runOptions?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const entry: Waiting = {
        start() {
          signal?.removeEventListener('abort', onAbort);
          // Promise.resolve().then: a task that throws synchronously still frees its slot.
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              active--;
              pump();
            });
        },
      };
      // A caller that gives up while still waiting leaves the line without ever taking a slot.
      const onAbort = () => {
        const index = waiting.indexOf(entry);
        if (index >= 0) waiting.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(entry);
      pump();
    });
  }

  return {
    run,
    setConcurrency(next: number) {
      concurrency = checkConcurrency(next);
      pump();
    },
    get concurrency() {
      return concurrency;
    },
    get active() {
      return active;
    },
    get pending() {
      return waiting.length;
    },
  };
}

function checkConcurrency(value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1, got ${value}`);
  }
  return value;
}
