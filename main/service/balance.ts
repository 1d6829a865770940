// The account balance, fetched on demand and announced to the UI. Errors are kept as a readable
// message next to the last known value instead of being thrown at the settings screen.
import type { Balance } from '../../shared/contract/contract';
import type { EventHub } from '../../shared/contract/event-hub';
import type { ApixoClient } from '../core/apixo/client';
import type { Clock } from '../core/clock';
import { isStudioError } from '../core/errors';

export class BalanceTracker {
  private last: Balance = { usd: null, fetchedAt: null, demo: true, error: null };
  private inFlight: Promise<Balance> | null = null;

  constructor(
    private readonly source: () => Promise<{ client: ApixoClient; backend: 'demo' | 'apixo' }>,
    private readonly clock: Clock,
    private readonly hub: EventHub,
  ) {}

  async current(): Promise<Balance> {
    return this.last.fetchedAt === null ? this.refresh() : this.last;
  }

  refresh(): Promise<Balance> {
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async fetch(): Promise<Balance> {
    const { client, backend } = await this.source();
    try {
      const usd = await client.balance();
      this.last = { usd, fetchedAt: this.clock.now(), demo: backend === 'demo', error: null };
    } catch (error) {
      this.last = {
        usd: null,
        fetchedAt: this.clock.now(),
        demo: backend === 'demo',
        error: isStudioError(error) ? error.userMessage : 'Could not read the balance.',
      };
    }
    this.hub.emit('balance.updated', this.last);
    return this.last;
  }
}
