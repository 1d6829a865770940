// A clock that re-renders its user every second, for countdowns and elapsed times. One shared
// interval, however many rows tick.
import { type RefObject, useEffect, useState, useSyncExternalStore } from 'react';

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
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
  return useSyncExternalStore(visible ? subscribe : noSubscription, () => now);
}
