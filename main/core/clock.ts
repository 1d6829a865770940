// An injectable clock: the engine never calls Date.now or setTimeout directly, so tests and
// benchmarks can run APIXO's minute-long timings in simulated time.
export interface Clock {
  now(): number;
  /** Resolves after `ms` of this clock's time; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  setTimeout: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return { cancel: () => clearTimeout(timer) };
  },
};

/**
 * Real time running `speedup` times faster. The engine and the simulator share one such clock in
 * tests and benchmarks, so APIXO's minute-long timings pass in a second over real loopback HTTP.
 */
export function createScaledClock(speedup: number, start = Date.now()): Clock {
  const realStart = Date.now();
  const toReal = (ms: number) => Math.max(0, ms / speedup);
  return {
    now: () => Math.floor(start + (Date.now() - realStart) * speedup),
    sleep: (ms, signal) => systemClock.sleep(toReal(ms), signal),
    setTimeout: (fn, ms) => systemClock.setTimeout(fn, toReal(ms)),
  };
}
