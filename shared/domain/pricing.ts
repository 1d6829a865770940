// Prices per model from the capability table (models.ts). Only wan-2-5 at 720p/1080p has a
// documented price (oldest docs page; current prices may differ by routing strategy). Where the
// price is unknown the estimate uses the highest documented rate, so a budget check errs on the
// side of spending less; the UI says the price is unknown rather than showing it as fact.
import { DEFAULT_MODEL, MODELS, type ModelId } from './models';
import type { Duration, Resolution } from './params';

/** wan-2-5's documented rates (kept for callers that predate the model choice). */
export const PRICE_PER_SECOND_USD = MODELS['wan-2-5'].pricePerSecondUsd;
export const PRICES_ARE_ESTIMATES = true;

const HIGHEST_DOCUMENTED_RATE = Math.max(
  ...Object.values(MODELS).flatMap((model) =>
    Object.values(model.pricePerSecondUsd).filter((rate): rate is number => typeof rate === 'number'),
  ),
);

/** Whether the model's price at this resolution is documented. */
export function priceIsKnown(resolution: Resolution, model: ModelId = DEFAULT_MODEL): boolean {
  return typeof MODELS[model].pricePerSecondUsd[resolution] === 'number';
}

export function estimateCostUsd(
  resolution: Resolution,
  duration: Duration,
  count = 1,
  model: ModelId = DEFAULT_MODEL,
): number {
  const rate = MODELS[model].pricePerSecondUsd[resolution];
  const perSecond = typeof rate === 'number' ? rate : HIGHEST_DOCUMENTED_RATE;
  // Round to cents so 3 × 0.4 never shows as 1.2000000000000002.
  return Math.round(perSecond * duration * count * 100) / 100;
}
