// The one place that decides whether a batch may be sent: above the confirmation threshold the call
// must say the user confirmed the total. Spending caps (issue 12) add their check here, so every
// host (app, CLI, MCP, watch folders) is held by the same rules.
import type { BatchEstimate } from '../../shared/batch/items';
import { StudioError } from '../core/errors';

const usd = (value: number) => `$${value.toFixed(2)}`;

export function guardSpend(estimate: BatchEstimate, confirmed: boolean): void {
  if (estimate.needsConfirmation && !confirmed) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `${estimate.count} videos cost about ${usd(estimate.totalUsd)}, above the ${usd(estimate.confirmAboveUsd)} that needs confirming. Nothing was sent; confirm the total to send them.`,
    });
  }
}
