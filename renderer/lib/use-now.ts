// A clock that re-renders its user every second, for countdowns, elapsed times and "x seconds
// ago". One shared interval, however many labels tick (now-source.ts).
import { useSyncExternalStore } from 'react';
import { createNowSource } from './now-source';

const source = createNowSource();

export function useNow(): number {
  return useSyncExternalStore(source.subscribe, source.snapshot);
}
