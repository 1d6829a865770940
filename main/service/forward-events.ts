// Forwards every contract event from the core to one UI (an Electron window, a browser socket),
// with download progress coalesced per generation. When a generation leaves 'downloading', its last
// progress value is flushed first, so the UI never sees "done" followed by a stale progress figure.
import { EVENT_NAMES, type EventName, type StudioEvents } from '../../shared/contract/contract';
import type { StudioEventSource } from '../../shared/contract/event-hub';
import { type CoalescerClock, createProgressCoalescer } from './coalesce-progress';

export type SendEvent = <E extends EventName>(name: E, payload: StudioEvents[E]) => void;

export function forwardStudioEvents(
  events: StudioEventSource,
  send: SendEvent,
  options: { intervalMs?: number; clock?: CoalescerClock } = {},
): () => void {
  const progress = createProgressCoalescer<StudioEvents['download.progress']>(
    (payload) => send('download.progress', payload),
    options,
  );
  const unsubscribers: (() => void)[] = [];
  for (const name of EVENT_NAMES) {
    if (name === 'download.progress') {
      unsubscribers.push(events.on('download.progress', (payload) => progress.push(payload.id, payload)));
    } else if (name === 'generation.updated') {
      unsubscribers.push(
        events.on('generation.updated', (record) => {
          if (record.state !== 'downloading') progress.complete(record.id);
          send('generation.updated', record);
        }),
      );
    } else {
      unsubscribers.push(events.on(name, (payload) => send(name, payload)));
    }
  }
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    progress.dispose();
  };
}
