// The in-progress `.part` file of a download, with a running sha256 that always matches exactly the
// bytes counted in `bytes`, so the final hash never needs a second read of the file.
import { createHash, type Hash } from 'node:crypto';
import { type FileHandle, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StudioError } from '../errors';
import { storageFailureKind } from '../library/storage-failure';

const HASH_READ_CHUNK = 1024 * 1024;

export class PartFile {
  private hash: Hash = createHash('sha256');
  /** Bytes in the file that are also in the hash. */
  bytes = 0;
  /** Bytes handed to `enqueue` and not yet written. */
  private backlog = 0;
  private queue: Promise<void> = Promise.resolve();
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
   * caller applies backpressure when the backlog grows.
   */
  enqueue(chunk: Uint8Array): number {
    this.backlog += chunk.length;
    this.queue = this.queue.then(async () => {
      try {
        if (!this.failure) await this.write(chunk);
      } catch (error) {
        this.failure = storageError('write the download file', error);
      } finally {
        this.backlog -= chunk.length;
      }
    });
    return this.backlog;
  }

  private async write(chunk: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await this.handle.write(chunk, offset, chunk.length - offset);
      offset += bytesWritten;
    }
    // Only after the whole chunk is in the file: hash and count never run ahead of the disk.
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  /** The first write error, if any: the download stops on it. */
  get error(): StudioError | null {
    return this.failure;
  }

  /** Resolves when every queued chunk is written; rejects with the first write error. */
  async flushed(): Promise<void> {
    await this.queue;
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
    try {
      await this.handle.sync();
    } catch (error) {
      throw storageError('save the download file', error);
    }
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }

  /** Safe to call twice: the download closes before its rename and again in its cleanup. */
  async close(): Promise<void> {
    await this.queue;
    if (this.closed) return;
    this.closed = true;
    await this.handle.close().catch(() => {});
  }
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
