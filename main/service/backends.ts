// The two places a generation can run: APIXO itself (with the user's key), or the built-in
// simulator (demo mode, when no key is set). Each generation remembers its backend, so demo jobs
// keep talking to the simulator even after a key is added.
import { join } from 'node:path';
import { ApixoClient } from '../core/apixo/client';
import { KeyDestination } from '../core/apixo/key-destination';
import { RateLimiter } from '../core/apixo/rate-limiter';
import type { Clock } from '../core/clock';
import type { GenerationRecord } from '../core/library/types';
import type { SecretStore } from '../core/secrets';
import { type Simulator, startSimulator } from '../demo/simulator';

export const DEMO_API_KEY = 'demo-key';
/** What demo mode starts with, and what "reset the demo balance" puts back. */
export const DEMO_START_BALANCE_USD = 25;

export interface DemoOptions {
  /** Simulator durations × this; 0.15 makes a 720p clip take about 9 s. */
  timeScale?: number;
  balanceUsd?: number;
}

export class Backends {
  private simulator: Simulator | null = null;
  private demo: ApixoClient | null = null;
  /** The key as it was when the user removed it, kept in memory for jobs created with it. */
  private retained: { key: string; stillNeeded: () => boolean } | null = null;
  readonly real: ApixoClient;

  constructor(
    private readonly options: {
      secrets: SecretStore;
      /** Where the user's key goes: resolved once at start, never from a setting. */
      destination: KeyDestination;
      clock: Clock;
      userDataDir: string;
      demo?: DemoOptions;
      version: string;
      forceDemo?: boolean;
    },
  ) {
    this.real = new ApixoClient({
      destination: options.destination,
      getApiKey: () => this.apiKey(),
      limiter: new RateLimiter({ clock: options.clock }),
      clock: options.clock,
      userAgent: `WanStudio/${options.version}`,
    });
  }

  /**
   * Removing the key promises that generations already created with it keep it until they are
   * sent and finished: keep it (in memory only, never written) while `stillNeeded` says such jobs
   * remain. A restart forgets it; those jobs then wait for a key instead of failing.
   */
  async retainKeyForJobs(stillNeeded: () => boolean): Promise<void> {
    const key = await this.options.secrets.get('apixo-api-key');
    this.retained = key && stillNeeded() ? { key, stillNeeded } : null;
  }

  private async apiKey(): Promise<string | null> {
    const stored = await this.options.secrets.get('apixo-api-key');
    if (stored) {
      this.retained = null;
      return stored;
    }
    if (this.retained?.stillNeeded()) return this.retained.key;
    this.retained = null;
    return null;
  }

  get demoTimeScale(): number {
    return this.options.demo?.timeScale ?? 0.15;
  }

  async start(): Promise<void> {
    this.simulator = await startSimulator({
      clock: this.options.clock,
      timeScale: this.demoTimeScale,
      balanceUsd: this.demoStartBalanceUsd,
      statePath: join(this.options.userDataDir, 'demo', 'simulator.json'),
      apiKeys: [DEMO_API_KEY],
    });
    this.demo = new ApixoClient({
      destination: KeyDestination.localSimulator(`${this.simulator.url}/api/v1`),
      getApiKey: async () => DEMO_API_KEY,
      limiter: new RateLimiter({ clock: this.options.clock }),
      clock: this.options.clock,
    });
  }

  async isDemo(): Promise<boolean> {
    return this.options.forceDemo === true || !(await this.options.secrets.get('apixo-api-key'));
  }

  demoClient(): ApixoClient {
    if (!this.demo) throw new Error('demo backend not started');
    return this.demo;
  }

  clientFor(record: GenerationRecord): ApixoClient {
    return record.backend === 'demo' ? this.demoClient() : this.real;
  }

  async current(): Promise<{ client: ApixoClient; backend: 'demo' | 'apixo' }> {
    return (await this.isDemo())
      ? { client: this.demoClient(), backend: 'demo' }
      : { client: this.real, backend: 'apixo' };
  }

  /** Demo money is pretend: when it runs out the user may start again from the same amount. */
  async resetDemoBalance(): Promise<void> {
    const simulator = this.simulator;
    if (!simulator) throw new Error('demo backend not started');
    simulator.setBalance(this.demoStartBalanceUsd);
    await simulator.idle();
  }

  private get demoStartBalanceUsd(): number {
    return this.options.demo?.balanceUsd ?? DEMO_START_BALANCE_USD;
  }

  demoSimulator(): Simulator | null {
    return this.simulator;
  }

  async close(): Promise<void> {
    await this.simulator?.close();
  }
}
