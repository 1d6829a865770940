// The in-progress `.part` file of a download, with a running sha256 that always matches exactly the
// bytes counted in `bytes`, so the final hash never needs a second read of the file.
//
// Speed without giving up durability: queued chunks go to disk in batches (one writev per batch,
// not one thread-pool write per chunk), and batch N is hashed while batch N+1 is being written.
// The hash and `bytes` advance only for a batch whose writev has returned, so they never cover a
// byte that is not in the file.
import { createHash, type Hash } from 'node:crypto';
import { type FileHandle, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StudioError } from '../errors';
import { storageFailureKind } from '../fs/storage-failure';

const HASH_READ_CHUNK = 1024 * 1024;
/** One writev takes at most this much (and at most IOV_MAX buffers). */
const BATCH_MAX_BYTES = 4 * 1024 * 1024;
const BATCH_MAX_BUFFERS = 1024;

export class PartFile {
  private hash: Hash = createHash('sha256');
  /** Bytes in the file that are also in the hash. */
  bytes = 0;
  /** Bytes handed to `enqueue` and not yet written. */
  private backlog = 0;
  private pending: Uint8Array[] = [];
  /** The writer loop while it runs; null when everything queued is written (or failed). */
  private writing: Promise<void> | null = null;
  private readonly backlogWaiters = new Set<{ below: number; wake: () => void }>();
  private failure: StudioError | null = null;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
  ) {}

  /**
   * Opens (or creates) the part file and keeps at most `keepBytes` of what is there. The caller
   * passes the byte count of its last checkpoint: only bytes that were fsynced before a checkpoint
   * are trusted after a crash, anything past them may be garbage the filesystem never flushed.
   */
  static async open(path: string, keepBytes: number): Promise<PartFile> {
    await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
      throw storageError('create the download folder', error);
    });
    let handle: FileHandle;
    try {
      // a+: appends always go to the end (also after truncate), and we can read to hash the kept part.
      handle = await open(path, 'a+', 0o644);
    } catch (error) {
      throw storageError('open the download file', error);
    }
    const part = new PartFile(handle, path);
    try {
      const size = (await handle.stat()).size;
      const kept = Math.max(0, Math.min(size, keepBytes));
      if (kept !== size) await handle.truncate(kept);
      await part.hashExisting(kept);
    } catch (error) {
      await handle.close().catch(() => {});
      throw storageError('read the partial download', error);
    }
    return part;
  }

  private async hashExisting(length: number): Promise<void> {
    const buffer = Buffer.allocUnsafe(Math.min(HASH_READ_CHUNK, Math.max(length, 1)));
    let position = 0;
    while (position < length) {
      const { bytesRead } = await this.handle.read(
        buffer,
        0,
        Math.min(buffer.length, length - position),
        position,
      );
      if (bytesRead === 0) break;
      this.hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    this.bytes = position;
  }

  /**
   * Queues a chunk and returns the backlog in bytes. The chunk is taken at once (not left in a
   * stream buffer), so a connection that dies right after delivering it loses nothing; the
   * caller applies backpressure when the backlog grows (see `backlogBelow`).
   */
  enqueue(chunk: Uint8Array): number {
    this.backlog += chunk.length;
    if (this.failure) {
      this.backlog -= chunk.length;
      return this.backlog;
    }
    this.pending.push(chunk);
    this.writing ??= this.writeQueued();
    return this.backlog;
  }

  /** Resolves once the backlog is at most `bytes` (or writing failed: `error` then says why). */
  backlogBelow(bytes: number): Promise<void> {
    if (this.backlog <= bytes || this.failure) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { below: bytes, wake: resolve };
      this.backlogWaiters.add(waiter);
    });
  }

  /** Drains `pending` in batches; hashes each batch while the next one is being written. */
  private async writeQueued(): Promise<void> {
    let written: Uint8Array[] = [];
    try {
      while (this.pending.length > 0 && !this.failure) {
        const batch = this.takeBatch();
        const writing = this.writeBatch(batch);
        this.account(written); // on the main thread, while the thread pool writes `batch`
        written = [];
        await writing;
        written = batch;
        this.release(batch);
      }
    } catch (error) {
      this.failure = storageError('write the download file', error);
    } finally {
      this.account(written);
      // Nothing after a failure reaches the file; its bytes no longer hold anyone back.
      if (this.failure) {
        for (const chunk of this.pending) this.backlog -= chunk.length;
        this.pending = [];
      }
      this.writing = null;
      this.wakeWaiters();
    }
  }

  private takeBatch(): Uint8Array[] {
    let size = 0;
    let count = 0;
    while (count < this.pending.length && count < BATCH_MAX_BUFFERS && size < BATCH_MAX_BYTES) {
      size += this.pending[count]?.length ?? 0;
      count++;
    }
    return this.pending.splice(0, count);
  }

  private async writeBatch(batch: Uint8Array[]): Promise<void> {
    let buffers = batch;
    for (;;) {
      const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
      if (total === 0) return;
      const { bytesWritten } = await this.handle.writev(buffers);
      if (bytesWritten >= total) return;
      buffers = skipBytes(buffers, bytesWritten); // a short write: the rest, from where it stopped
    }
  }

  /** Hash and count a written batch: only ever bytes that are in the file. */
  private account(batch: Uint8Array[]): void {
    for (const chunk of batch) {
      this.hash.update(chunk);
      this.bytes += chunk.length;
    }
  }

  private release(batch: Uint8Array[]): void {
    for (const chunk of batch) this.backlog -= chunk.length;
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    for (const waiter of this.backlogWaiters) {
      if (this.backlog <= waiter.below || this.failure || !this.writing) {
        this.backlogWaiters.delete(waiter);
        waiter.wake();
      }
    }
  }

  /** The first write error, if any: the download stops on it. */
  get error(): StudioError | null {
    return this.failure;
  }

  /** Resolves when every queued chunk is written; rejects with the first write error. */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
  }

  /** Throws away everything: the server is sending a different file or ignored our Range. */
  async restart(): Promise<void> {
    await this.flushed();
    try {
      await this.handle.truncate(0);
    } catch (error) {
      throw storageError('reset the download file', error);
    }
    this.hash = createHash('sha256');
    this.bytes = 0;
  }

  /** Writes what is queued and makes `bytes` durable. */
  async sync(): Promise<void> {
    await this.flushed();
    await this.syncWritten();
  }

  /**
   * fsyncs without waiting for the queue, for checkpoints taken while bytes keep arriving. Returns
   * the byte count that is now durable: what was counted before the fsync started (writes that
   * finish during it may or may not be covered, so they are not claimed).
   */
  async syncWritten(): Promise<number> {
    const durable = this.bytes;
    try {
      await this.handle.sync();
    } catch (error) {
      throw storageError('save the download file', error);
    }
    return durable;
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }

  /** Safe to call twice: the download closes before its rename and again in its cleanup. */
  async close(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.closed) return;
    this.closed = true;
    await this.handle.close().catch(() => {});
  }
}

function skipBytes(buffers: Uint8Array[], count: number): Uint8Array[] {
  let left = count;
  const rest: Uint8Array[] = [];
  for (const buffer of buffers) {
    if (left >= buffer.length) {
      left -= buffer.length;
      continue;
    }
    rest.push(left > 0 ? buffer.subarray(left) : buffer);
    left = 0;
  }
  return rest;
}

/** A failed disk operation of a download; a full or read-only disk gets its own kind (storage-failure.ts). */
export function storageError(action: string, error: unknown): StudioError {
  const kind = storageFailureKind(error);
  const reason =
    kind === 'disk_full'
      ? 'the disk is full'
      : kind === 'read_only'
        ? 'the disk is read-only or permission was denied'
        : 'a disk error occurred';
  return new StudioError({
    kind: kind === 'disk_full' || kind === 'read_only' ? kind : 'storage',
    userMessage: `Could not ${action}: ${reason}. Check free space and the library folder's permissions.`,
    detail: `${action}: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
  });
}
