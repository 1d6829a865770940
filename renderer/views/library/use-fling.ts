// Whether the grid is being flung: its scroll position jumped by more than a screen between two
// scroll events (a dragged scrollbar, a hard trackpad swipe, End). While that lasts the grid draws
// one-node placeholders instead of cards — every card of a jump is new, gone a frame later, and
// building forty of them per frame was most of a fling's long tasks — and the cards come when it
// settles. Wheel and keyboard scrolling move less than a screen per event and keep real cards.
import { type RefObject, useEffect, useState } from 'react';

/** The fling is over this long after the last jump. */
const SETTLE_MS = 120;

export function useFling(scroller: RefObject<HTMLElement | null>): boolean {
  const [flinging, setFlinging] = useState(false);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let last = element.scrollTop;
    let settle: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      const top = element.scrollTop;
      const jumped = Math.abs(top - last) > element.clientHeight;
      last = top;
      if (!jumped) return;
      setFlinging(true);
      if (settle) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = null;
        setFlinging(false);
      }, SETTLE_MS);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      if (settle) clearTimeout(settle);
    };
  }, [scroller]);
  return flinging;
}
