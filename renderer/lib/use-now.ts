// A clock that re-renders its user every second, for countdowns, elapsed times and "x seconds
// ago". One shared interval, however many labels tick (now-source.ts).
import { type RefObject, useEffect, useState, useSyncExternalStore } from 'react';
import { createNowSource } from './now-source';

const source = createNowSource();

export function useNow(): number {
  return useSyncExternalStore(source.subscribe, source.snapshot);
}

const noSubscription = () => () => {};

/**
 * The clock, ticking only while `element` is on screen. With 200 jobs in the Queue, re-rendering
 * every row each second was a long task a second; the rows scrolled out of view need no clock.
 */
export function useNowWhileVisible(element: RefObject<Element | null>): number {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setVisible(last.isIntersecting);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return useSyncExternalStore(visible ? source.subscribe : noSubscription, source.snapshot);
}
