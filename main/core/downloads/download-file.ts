// Resumable, verified, atomic download of one result video.
//
// The link and every redirect pass the shared link guard (http(s), no credentials, addresses
// checked against `policy`, also at connect time). The bytes go to `partPath` (appending), the
// sha256 is computed while they arrive, and only a file whose length matches what the server
// announced and that `verify` accepts is fsynced and renamed to `finalPath`. A transfer failure
// leaves the part file in place, so a later call (with the ResumeState the caller persisted from
// onCheckpoint) continues with `Range` + `If-Range` instead of starting over; a refused link or a
// body `verify` rejects leaves nothing behind.
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import type { Agent, Dispatcher } from 'undici';
import { type Clock, systemClock } from '../clock';
import { StudioError } from '../errors';
import { renameDurable } from '../fs/atomic';
import type { AddressPolicy } from '../net/address-policy';
import { checkLinkShape, guardedAgent, LinkRefusedError, openGuardedLink } from '../net/guarded-link';
import {
  cancelledError,
  httpStatusError,
  isRetryable,
  redactUrl,
  refusedLinkError,
  rejectedBodyError,
  toDownloadError,
  truncatedError,
} from './download-errors';
import { contentLength, headerValue, ifRangeValidator, parseContentRange } from './http-range';
import { PartFile, storageError } from './part-file';
import { type DownloadProgress, ProgressMeter } from './progress-meter';

export type { DownloadProgress } from './progress-meter';

export interface ResumeState {
  bytesDone: number;
  etag: string | null;
  lastModified: string | null;
}

export interface DownloadResult {
  bytes: number;
  sha256: string;
  etag: string | null;
  lastModified: string | null;
  /** Times the part was thrown away because the server sent the whole file or a different one. */
  restarts: number;
  /** Every body byte received over the wire, including bytes later thrown away. */
  bytesFetched: number;
}

export interface DownloadOptions {
  url: string;
  /** Which addresses the link and its redirects may lead to (the real API: public ones only). */
  policy: AddressPolicy;
  /**
   * Checks the complete part file before it becomes `finalPath` (e.g. that it is an MP4); a
   * rejection discards the file and fails the download with the reason.
   */
  verify?: (partPath: string) => Promise<void>;
  /** Absolute; the in-progress file. */
  partPath: string;
  /** Absolute; created only when the download is complete and verified. */
  finalPath: string;
  /** From a previous run (persisted by the caller from onCheckpoint). */
  resume?: ResumeState | null;
  signal?: AbortSignal;
  /** Throttled to at most one call per progressIntervalMs. */
  onProgress?: (p: DownloadProgress) => void;
  progressIntervalMs?: number;
  /** Called after the part was fsynced up to `bytesDone`: periodically and before any throw. */
  onCheckpoint?: (s: ResumeState) => void;
  checkpointIntervalMs?: number;
  /**
   * Attempts in a row that bring no new bytes before giving up (short backoff between them);
   * an attempt that made progress starts the count again. 1 = no retry.
   */
  maxAttempts?: number;
  /** No headers or no body bytes for this long counts as a dropped connection. */
  stallTimeoutMs?: number;
  clock?: Clock;
}
const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 4_000;
const RETRY_AFTER_MAX_MS = 30_000;
/** Backpressure: reading pauses when this much waits for the disk, and resumes at the low mark. */
const WRITE_BACKLOG_HIGH = 8 * 1024 * 1024;
const WRITE_BACKLOG_LOW = 2 * 1024 * 1024;
/**
 * The part is also fsynced (in the background) every this many new bytes, checkpoint due or not:
 * the disk then writes while the network delivers, instead of the final fsync flushing the whole
 * file at the end (measured: 200 MB with one fsync at the end 0.17–0.9 s, in 16 MB steps 0.12 s).
 */
const SYNC_EVERY_BYTES = 16 * 1024 * 1024;

type AttemptOutcome = 'complete' | 'again';

export async function downloadFile(options: DownloadOptions): Promise<DownloadResult> {
  let url: string;
  try {
    url = checkLinkShape(options.url).href; // refused before a part file exists
  } catch (error) {
    throw error instanceof LinkRefusedError ? refusedLinkError(error) : error;
  }
  if (options.signal?.aborted) throw cancelledError();
  const part = await PartFile.open(options.partPath, options.resume?.bytesDone ?? 0);
  const stall = options.stallTimeoutMs ?? 30_000;
  const agent = await guardedAgent(options.policy, { connectMs: stall, headersMs: stall, bodyMs: stall });
  try {
    return await new Download(options, url, part, agent).run();
  } finally {
    await part.close();
    void agent.close();
  }
}

class Download {
  private readonly clock: Clock;
  private readonly progress: ProgressMeter;
  private etag: string | null;
  private lastModified: string | null;
  private total: number | null = null;
  private restarts = 0;
  private fetched = 0;
  private lastCheckpointAt: number;
  /** part.bytes when the last background fsync started. */
  private syncedUpTo = 0;
  private discarded = false;
  /** The background checkpoint in flight (at most one), and the first one that failed. */
  private checkpointing: Promise<void> | null = null;
  private checkpointFailure: StudioError | null = null;

  constructor(
    private readonly options: DownloadOptions,
    private readonly url: string,
    private readonly part: PartFile,
    private readonly agent: Agent,
  ) {
    this.clock = options.clock ?? systemClock;
    this.progress = new ProgressMeter(this.clock, options.progressIntervalMs ?? 250, options.onProgress);
    // Validators only mean something for bytes we still have.
    this.etag = part.bytes > 0 ? (options.resume?.etag ?? null) : null;
    this.lastModified = part.bytes > 0 ? (options.resume?.lastModified ?? null) : null;
    this.lastCheckpointAt = this.clock.now();
    this.syncedUpTo = part.bytes;
  }

  /**
   * Attempts are counted only while they bring nothing new: a flaky link that drops every few
   * megabytes still finishes here instead of surfacing as "offline" to the engine.
   */
  async run(): Promise<DownloadResult> {
    const maxAttempts = Math.max(1, this.options.maxAttempts ?? 5);
    let failures = 0;
    for (;;) {
      const fetchedBefore = this.fetched;
      try {
        if ((await this.attempt()) === 'complete') return await this.finish();
      } catch (raw) {
        if (this.options.signal?.aborted) throw await this.cancelled();
        if (this.discarded) throw raw;
        if (raw instanceof LinkRefusedError) throw await this.discard(refusedLinkError(raw));
        const error = toDownloadError(raw, this.url);
        failures = this.fetched > fetchedBefore ? 1 : failures + 1;
        if (!isRetryable(error) || failures >= maxAttempts) {
          await this.checkpoint().catch(() => {});
          throw error;
        }
        await this.backoff(failures, error);
        continue;
      }
      // 'again': the part was reset because the answer did not fit it; ask again at once.
      failures++;
      if (failures >= maxAttempts) {
        await this.checkpoint().catch(() => {});
        throw new StudioError({
          kind: 'protocol',
          userMessage: 'The file server kept sending inconsistent parts of the video.',
          detail: `GET ${redactUrl(this.url)}: no usable response after ${failures} attempts`,
        });
      }
    }
  }

  private async attempt(): Promise<AttemptOutcome> {
    // Chunks of a failed attempt may still be on their way to disk; Range must count them.
    await this.part.flushed();
    const { statusCode, headers, body } = await this.open();
    if (statusCode !== 200 && statusCode !== 206) {
      await body.dump().catch(() => {});
      if (statusCode === 416) return this.onRangeNotSatisfiable(headers);
      throw httpStatusError(statusCode, this.url, retryAfterMs(headerValue(headers, 'retry-after')));
    }
    if (!(await this.acceptResponse(statusCode, headers))) {
      await body.dump().catch(() => {});
      return 'again';
    }
    await this.receive(body);
    const total = this.total;
    if (total === null) return 'complete'; // the server never said; a clean end is all we can check
    if (this.part.bytes < total) throw truncatedError(this.part.bytes, total);
    if (this.part.bytes > total) {
      await this.restartPart();
      throw new StudioError({
        kind: 'protocol',
        userMessage: 'The file server sent more data than it announced; the download was discarded.',
        detail: `GET ${redactUrl(this.url)}: received more than ${total} bytes`,
      });
    }
    return 'complete';
  }

  /** Every hop (redirects included) passes the link guard; a refusal throws LinkRefusedError. */
  private async open(): Promise<Dispatcher.ResponseData> {
    const { response } = await openGuardedLink(this.url, {
      policy: this.options.policy,
      agent: this.agent,
      headers: this.requestHeaders(),
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
    return response;
  }

  private requestHeaders(): Record<string, string> {
    // identity: byte offsets must refer to the file itself, not to a compressed rendition of it.
    const headers: Record<string, string> = { 'accept-encoding': 'identity' };
    if (this.part.bytes > 0) {
      headers.range = `bytes=${this.part.bytes}-`;
      const validator = ifRangeValidator(this.etag, this.lastModified);
      if (validator) headers['if-range'] = validator;
    }
    return headers;
  }

  /** Decides whether this 200/206 continues our part; false means "ask again" (after a restart). */
  private async acceptResponse(
    status: number,
    headers: Dispatcher.ResponseData['headers'],
  ): Promise<boolean> {
    const etag = headerValue(headers, 'etag');
    const lastModified = headerValue(headers, 'last-modified');
    if (status === 206) {
      const range = parseContentRange(headerValue(headers, 'content-range'));
      if (!range || range.start !== this.part.bytes || this.validatorChanged(etag, lastModified)) {
        await this.restartPart();
        return false;
      }
      this.etag ??= etag;
      this.lastModified ??= lastModified;
      this.total = range.total;
      return true;
    }
    // 200 is the whole file from byte 0: the server ignored Range or If-Range said it changed.
    if (this.part.bytes > 0) await this.restartPart();
    this.etag = etag;
    this.lastModified = lastModified;
    this.total = contentLength(headers);
    return true;
  }

  /** A server that ignored If-Range would otherwise splice two different files together. */
  private validatorChanged(etag: string | null, lastModified: string | null): boolean {
    if (this.etag && etag) return this.etag !== etag;
    return Boolean(this.lastModified && lastModified && this.lastModified !== lastModified);
  }

  /** 416 with our exact length means an earlier run got every byte but stopped before the rename. */
  private async onRangeNotSatisfiable(headers: Dispatcher.ResponseData['headers']): Promise<AttemptOutcome> {
    const range = parseContentRange(headerValue(headers, 'content-range'));
    if (range?.total != null && range.total === this.part.bytes && this.part.bytes > 0) {
      this.total = range.total;
      return 'complete';
    }
    await this.restartPart();
    return 'again';
  }

  private async restartPart(): Promise<void> {
    // A checkpoint in flight must land before the truncate, or it could claim bytes now gone.
    await this.settleCheckpoint();
    await this.part.restart();
    this.syncedUpTo = 0;
    this.restarts++;
  }

  /**
   * Every chunk goes straight into the part file's write queue as it arrives (a 'data' listener,
   * not a pipe into a Writable: two fewer stream layers per chunk, a tenth of the CPU a download
   * spends outside hashing), so no body bytes sit in stream buffers when a connection dies (they
   * would be thrown away and fetched again). Reading pauses when WRITE_BACKLOG_HIGH waits for the
   * disk and resumes at WRITE_BACKLOG_LOW (not stop-and-wait on every megabyte); checkpoints fsync
   * in the background while reading goes on.
   */
  private async receive(body: Readable): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const stop = (error: Error) => {
        body.off('data', onData);
        body.destroy();
        reject(error);
      };
      const onData = (chunk: Buffer) => {
        const failure = this.part.error ?? this.checkpointFailure;
        if (failure) return stop(failure);
        this.fetched += chunk.length;
        const backlog = this.part.enqueue(chunk);
        this.progress.update(this.part.bytes, this.total, this.fetched);
        if (this.checkpointing === null && (this.checkpointDue() || this.syncDue())) {
          this.checkpointInBackground();
        }
        if (backlog >= WRITE_BACKLOG_HIGH && !body.isPaused()) {
          body.pause();
          void this.part.backlogBelow(WRITE_BACKLOG_LOW).then(() => {
            if (this.part.error) stop(this.part.error);
            else body.resume();
          });
        }
      };
      body.on('data', onData);
      body.once('end', () => resolve());
      body.once('error', reject);
    });
    await this.part.flushed();
    await this.settleCheckpoint();
    if (this.checkpointFailure) throw this.checkpointFailure;
  }

  private checkpointDue(): boolean {
    return (
      this.options.onCheckpoint !== undefined &&
      this.clock.now() - this.lastCheckpointAt >= (this.options.checkpointIntervalMs ?? 1_000)
    );
  }

  private syncDue(): boolean {
    return this.part.bytes - this.syncedUpTo >= SYNC_EVERY_BYTES;
  }

  /**
   * fsyncs what is written so far without pausing the transfer, and reports it as a checkpoint
   * when one is due (the caller persists each report, so they stay about a second apart however
   * fast the bytes come); its failure stops the download.
   */
  private checkpointInBackground(): void {
    const report = this.checkpointDue();
    if (report) this.lastCheckpointAt = this.clock.now();
    this.syncedUpTo = this.part.bytes;
    this.checkpointing = this.part
      .syncWritten()
      .then((bytesDone) => {
        if (report) this.report(bytesDone);
      })
      .catch((error: unknown) => {
        this.checkpointFailure ??=
          error instanceof StudioError ? error : storageError('save the download file', error);
      })
      .finally(() => {
        this.checkpointing = null;
      });
  }

  private async settleCheckpoint(): Promise<void> {
    while (this.checkpointing) await this.checkpointing;
  }

  private report(bytesDone: number): void {
    this.options.onCheckpoint?.({ bytesDone, etag: this.etag, lastModified: this.lastModified });
  }

  /** fsync first: a persisted bytesDone must never point past what is really on disk. */
  private async checkpoint(): Promise<void> {
    await this.settleCheckpoint();
    this.lastCheckpointAt = this.clock.now();
    if (!this.options.onCheckpoint) return;
    await this.part.sync();
    this.report(this.part.bytes);
  }

  private async cancelled(): Promise<StudioError> {
    await this.checkpoint().catch(() => {});
    return cancelledError();
  }

  private async backoff(attempt: number, error: StudioError): Promise<void> {
    const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
    const delay =
      error.retryAfterMs === undefined ? exponential : Math.min(RETRY_AFTER_MAX_MS, error.retryAfterMs);
    try {
      await this.clock.sleep(delay, this.options.signal);
    } catch {
      throw await this.cancelled();
    }
  }

  /** Throws the part away (file and checkpoint): what it holds must never be resumed or kept. */
  private async discard(error: StudioError): Promise<StudioError> {
    this.discarded = true;
    await this.settleCheckpoint();
    await this.part.restart().catch(() => {});
    await this.checkpoint().catch(() => {});
    await this.part.close();
    await rm(this.options.partPath, { force: true }).catch(() => {});
    return error;
  }

  private async finish(): Promise<DownloadResult> {
    await this.settleCheckpoint();
    if (this.checkpointFailure) throw this.checkpointFailure;
    await this.part.sync();
    this.progress.flush(this.part.bytes, this.total ?? this.part.bytes, this.fetched);
    const sha256 = this.part.digest();
    const bytes = this.part.bytes;
    if (this.options.verify) {
      try {
        await this.options.verify(this.options.partPath);
      } catch (reason) {
        throw await this.discard(rejectedBodyError(reason, bytes, this.url));
      }
    }
    await this.part.close(); // Windows cannot rename a file that is still open
    try {
      await mkdir(dirname(this.options.finalPath), { recursive: true });
      await renameDurable(this.options.partPath, this.options.finalPath);
    } catch (error) {
      throw storageError('move the finished video into the library', error);
    }
    return {
      bytes,
      sha256,
      etag: this.etag,
      lastModified: this.lastModified,
      restarts: this.restarts,
      bytesFetched: this.fetched,
    };
  }
}

/** Only the delta-seconds form: an HTTP date would need the server's clock to agree with ours. */
function retryAfterMs(raw: string | null): number | undefined {
  return raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) * 1000 : undefined;
}
