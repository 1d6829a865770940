// The library's card size (the density slider), remembered on this computer like a window size.
import { create } from 'zustand';

export const CARD_SIZE = { min: 140, max: 360, step: 4, initial: 208 } as const;
const KEY = 'wan-studio.card-size';

function stored(): number {
  try {
    const value = Number(localStorage.getItem(KEY));
    if (value >= CARD_SIZE.min && value <= CARD_SIZE.max) return value;
  } catch {
    // Storage refused (a locked-down profile): the default size it is.
  }
  return CARD_SIZE.initial;
}

export const useDensity = create<{ cardSize: number; setCardSize(size: number): void }>()((set) => ({
  cardSize: stored(),
  setCardSize(size) {
    const cardSize = Math.min(CARD_SIZE.max, Math.max(CARD_SIZE.min, Math.round(size)));
    set({ cardSize });
    try {
      localStorage.setItem(KEY, String(cardSize));
    } catch {
      // Kept for this session only.
    }
  },
}));

/** Columns for a width: as many cards of at least `cardSize` as fit, and never fewer than two when two of the smallest fit. */
export function columnsFor(inner: number, cardSize: number, gap: number): number {
  const fit = Math.floor((inner + gap) / (cardSize + gap));
  const twoFit = inner >= CARD_SIZE.min * 2 + gap;
  return Math.max(twoFit ? 2 : 1, fit);
}
