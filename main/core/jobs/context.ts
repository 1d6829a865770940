// What every step of a job needs. The engine builds one context and hands it to the steps, so the
// steps stay plain functions that are easy to read and test.

import type { ApixoClient } from '../apixo/client';
import type { SubmitOptions } from '../apixo/request-body';
import type { Clock } from '../clock';
import type { DownloadProgress } from '../downloads/download-file';
import type { DownloadQueue } from '../downloads/download-queue';
import { StudioError } from '../errors';
import type { GenerationPatch, GenerationRecord, LibraryStore } from '../library/types';
import type { LogSink } from '../log/log-sink';
import type { AddressPolicy } from '../net/address-policy';
import type { NetworkMonitor } from './network-monitor';
import type { PollPlan } from './poll-planner';
import type { ReferenceHost } from './reference-host';
import type { Slots } from './slots';

/** The per-job handle: its abort signal, an early wake-up for sleeps, and small per-run counters. */
export interface Runner {
  readonly id: string;
  readonly controller: AbortController;
  /** Set by cancel() while a submit is in flight: finish the request, then cancel. */
  cancelRequested: boolean;
  holdsSlot: boolean;
  wake(): void;
  /** Sleep until `at` (clock time); returns early on wake() and throws when aborted. */
  sleepUntil(at: number | null): Promise<void>;
  consecutiveErrors: number;
  notFoundCount: number;
  urlRefreshed: boolean;
  /** checkAgain restarts the stall timer from here instead of the submit time. */
  stallBase: number | null;
  /**
   * When this run began: its stall timer never starts earlier, so a run after a long pause (an app
   * restart, a Retry of an old task) polls for the whole stall time before giving up.
   */
  readonly startedAt: number;
  /**
   * APIXO answered this run's last status query (any answer; no connection at all is none): only
   * then may the job be called stalled, so after a long pause (app closed, offline) it asks first.
   */
  lastQueryAnswered: boolean;
}

export interface JobContext {
  library: LibraryStore;
  clientFor(record: GenerationRecord): ApixoClient;
  clock: Clock;
  downloads: DownloadQueue;
  /** Where a generation's result link may lead (the real API: the public internet only). */
  resultLinkPolicy(record: GenerationRecord): AddressPolicy;
  network: NetworkMonitor;
  slots: Slots;
  log: LogSink;
  delivery(target: Pick<GenerationRecord, 'backend'>): SubmitOptions;
  plan(record: GenerationRecord): PollPlan;
  onProgress(id: string, progress: DownloadProgress): void;
  /** Uploads reference images from this computer; absent where no hosting exists (then such jobs fail). */
  hosting: ReferenceHost | null;
  /** Persist and announce; refuses (returns null) once the runner was aborted, so a cancelled job is never revived by a late answer. */
  write(runner: Runner, patch: GenerationPatch): GenerationRecord | null;
  releaseSlot(runner: Runner): void;
}

export function asStudioError(error: unknown): StudioError {
  if (error instanceof StudioError) return error;
  return new StudioError({
    kind: 'storage',
    userMessage: 'Something went wrong on this computer while handling the generation.',
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    cause: error,
  });
}

/** Short exponential backoff with jitter for server/protocol hiccups: 2 s, 4 s … 60 s. */
export function errorBackoffMs(consecutiveErrors: number, random: () => number = Math.random): number {
  return Math.round(Math.min(60_000, 2_000 * 2 ** Math.min(consecutiveErrors, 5)) * (0.75 + random() * 0.5));
}
