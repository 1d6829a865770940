// What a simulator can be told, and the documented defaults behind every knob. Durations given
// here are "APIXO time": the simulator multiplies them by timeScale.
import { fileURLToPath } from 'node:url';
import { type Clock, systemClock } from '../core/clock';
import { StudioError } from '../core/errors';

/** The bundled clips. When Vite bundles this module the lead copies media/ next to the bundle. */
export const DEFAULT_MEDIA_DIR = fileURLToPath(new URL('./media/', import.meta.url));

export type InsufficientCreditsStyle = '400' | '402' | 'failCode';

export interface SimulatorOptions {
  host?: string;
  port?: number;
  /** All simulated timing (task progress, rate-limit window, URL expiry, callback retries) reads it. */
  clock?: Clock;
  /** Multiplies every documented duration: task times, result TTL, callback retry delays. */
  timeScale?: number;
  /** Accepted Bearer keys; 'any' accepts every non-empty key. */
  apiKeys?: string[] | 'any';
  balanceUsd?: number;
  insufficientCredits?: InsufficientCreditsStyle;
  /** A prompt containing it (any case) fails with CONTENT_VIOLATION. */
  violationWord?: string;
  /** Sliding 60 s window (clock time, not scaled) over every API request of one key. */
  requestsPerMinute?: number;
  /** Tasks of one key in pending/processing; one more submit answers 429. */
  maxConcurrentTasks?: number;
  /** Send Retry-After (seconds) on 429. Undocumented by APIXO, so off by default. */
  retryAfterHeader?: boolean;
  /** Result URL lifetime after completion (scaled). */
  resultTtlMs?: number;
  /** Waits before each callback retry (scaled); the docs give 30 s, 2 min, 10 min. */
  callbackRetryDelaysMs?: number[];
  /** Real-time limit for the receiver to answer one callback POST (docs: 30 s). */
  callbackTimeoutMs?: number;
  /** Maps the public callback_url to where the POST really goes (a user's tunnel). */
  callbackTunnel?: (publicUrl: string) => string;
  /** Persist tasks and balance here (atomic JSON) and reload them on start. */
  statePath?: string;
  /** Seeds the task-duration RNG for reproducible runs. */
  seed?: number;
  mediaDir?: string;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  clock: Clock;
  timeScale: number;
  apiKeys: ReadonlySet<string> | 'any';
  balanceUsd: number;
  insufficientCredits: InsufficientCreditsStyle;
  violationWord: string;
  requestsPerMinute: number;
  maxConcurrentTasks: number;
  retryAfterHeader: boolean;
  resultTtlMs: number;
  callbackRetryDelaysMs: number[];
  callbackTimeoutMs: number;
  callbackTunnel: (publicUrl: string) => string;
  statePath: string | null;
  seed: number;
  mediaDir: string;
}

const FIFTEEN_DAYS_MS = 15 * 24 * 60 * 60 * 1000;
export const DOCUMENTED_CALLBACK_RETRY_DELAYS_MS = [30_000, 120_000, 600_000];

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) {
    throw invalidOption(`timeScale must be a positive number, got ${options.timeScale}`);
  }
  const requestsPerMinute = options.requestsPerMinute ?? 10_000;
  const maxConcurrentTasks = options.maxConcurrentTasks ?? 1000;
  if (!(requestsPerMinute >= 1)) throw invalidOption('requestsPerMinute must be at least 1');
  if (!(maxConcurrentTasks >= 1)) throw invalidOption('maxConcurrentTasks must be at least 1');
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    clock: options.clock ?? systemClock,
    timeScale,
    apiKeys: options.apiKeys === undefined || options.apiKeys === 'any' ? 'any' : new Set(options.apiKeys),
    balanceUsd: options.balanceUsd ?? 100,
    insufficientCredits: options.insufficientCredits ?? '400',
    violationWord: (options.violationWord ?? 'forbidden').toLowerCase(),
    requestsPerMinute,
    maxConcurrentTasks,
    retryAfterHeader: options.retryAfterHeader ?? false,
    resultTtlMs: (options.resultTtlMs ?? FIFTEEN_DAYS_MS) * timeScale,
    callbackRetryDelaysMs: (options.callbackRetryDelaysMs ?? DOCUMENTED_CALLBACK_RETRY_DELAYS_MS).map(
      (ms) => ms * timeScale,
    ),
    callbackTimeoutMs: options.callbackTimeoutMs ?? 30_000,
    callbackTunnel: options.callbackTunnel ?? ((url) => url),
    statePath: options.statePath ?? null,
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 32),
    mediaDir: options.mediaDir ?? DEFAULT_MEDIA_DIR,
  };
}

function invalidOption(message: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage: `Simulator option: ${message}` });
}
