// A small typed event hub for the contract's events. Listener errors are contained: one broken
// window or socket must not stop the engine from announcing progress to the others.
import type { EventName, StudioEvents } from './contract';

export interface StudioEventSource {
  on<E extends EventName>(event: E, listener: (payload: StudioEvents[E]) => void): () => void;
}

export class EventHub implements StudioEventSource {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<E extends EventName>(event: E, listener: (payload: StudioEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends EventName>(event: E, payload: StudioEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as (payload: StudioEvents[E]) => void)(payload);
      } catch {
        // a failing listener is the listener's problem
      }
    }
  }
}
