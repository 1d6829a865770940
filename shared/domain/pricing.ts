// Documented prices for wan-2-5 (oldest docs page only; current prices may differ by routing
// strategy). Shown to the user as estimates, never as a quote.
import type { Duration, Resolution } from './params';

export const PRICE_PER_SECOND_USD: Readonly<Record<Resolution, number>> = { '720p': 0.08, '1080p': 0.13 };
export const PRICES_ARE_ESTIMATES = true;

export function estimateCostUsd(resolution: Resolution, duration: Duration, count = 1): number {
  // Round to cents so 3 × 0.4 never shows as 1.2000000000000002.
  return Math.round(PRICE_PER_SECOND_USD[resolution] * duration * count * 100) / 100;
}
