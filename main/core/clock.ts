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
 * Real time running `speedup` times faster from `anchor` (a real Unix ms time). The engine and the
 * simulator share such a clock in tests and benchmarks, so APIXO's minute-long timings pass in a
 * second over real loopback HTTP; two processes given the same anchor agree on the time.
 */
export function createScaledClock(speedup: number, anchor = Date.now()): Clock {
  const toReal = (ms: number) => Math.max(0, ms / speedup);
  return {
    now: () => Math.floor(anchor + (Date.now() - anchor) * speedup),
    sleep: (ms, signal) => systemClock.sleep(toReal(ms), signal),
    setTimeout: (fn, ms) => systemClock.setTimeout(fn, toReal(ms)),
  };
}

/**
 * `WAN_STUDIO_TIME_SPEEDUP=<speedup>[@<anchor>]` runs a process on a scaled clock: for benchmarks
 * and crash tests whose simulator runs in another process. Absent: the system clock.
 */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const setting = env.WAN_STUDIO_TIME_SPEEDUP;
  if (!setting) return systemClock;
  const [speedup, anchor] = setting.split('@').map(Number);
  if (!speedup || !(speedup > 0)) return systemClock;
  return createScaledClock(speedup, anchor && anchor > 0 ? anchor : Date.now());
}
