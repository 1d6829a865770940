// A job's runner: its abort signal, an early wake-up for its sleeps (a callback hint, a user's
// "check again"), and the small per-run counters the steps keep.
import type { Clock } from '../clock';
import type { Runner } from './context';

export function createRunner(id: string, clock: Clock): Runner {
  const controller = new AbortController();
  let wakeController = new AbortController();
  return {
    id,
    controller,
    cancelRequested: false,
    holdsSlot: false,
    consecutiveErrors: 0,
    notFoundCount: 0,
    urlRefreshed: false,
    stallBase: null,
    startedAt: clock.now(),
    lastQueryAnswered: false,
    wake: () => wakeController.abort(),
    async sleepUntil(at) {
      controller.signal.throwIfAborted();
      const delay = at === null ? 0 : at - clock.now();
      if (delay <= 0) return;
      wakeController = new AbortController();
      const both = AbortSignal.any([controller.signal, wakeController.signal]);
      await clock.sleep(delay, both).catch(() => {});
      controller.signal.throwIfAborted();
    },
  };
}
