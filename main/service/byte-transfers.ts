// Files made in the page reach Electron's main as bytes (preload/index.ts), in chunks: one IPC
// message of hundreds of MB can crash the renderer (Chromium's message size limits), and a chunked
// copy never holds a second whole copy in either process. Each transfer streams into the upload
// store as it arrives — counted against its size there, removed on any failure — and one the page
// abandons (closed, crashed) is dropped after TRANSFER_IDLE_MS.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { StudioError } from '../core/errors';
import type { UploadStore } from './upload-store';

/** The largest chunk one IPC message carries. */
export const TRANSFER_CHUNK_BYTES = 8 * 1024 * 1024;
const TRANSFER_IDLE_MS = 60_000;

interface Transfer {
  body: PassThrough;
  /** The upload id, once every byte is on disk. */
  stored: Promise<string>;
  touchedAt: number;
}

export class ByteTransfers {
  private readonly open = new Map<string, Transfer>();

  constructor(
    private readonly store: UploadStore,
    private readonly now: () => number = Date.now,
  ) {}

  begin(name: string, size: number, maxBytes: number): string {
    this.dropAbandoned();
    const id = randomBytes(16).toString('hex');
    const body = new PassThrough();
    const stored = this.store.receive(body, name, size, maxBytes);
    stored.catch(() => {}); // answered at chunk() or end()
    this.open.set(id, { body, stored, touchedAt: this.now() });
    return id;
  }

  async chunk(id: string, bytes: Uint8Array): Promise<void> {
    const transfer = this.find(id);
    transfer.touchedAt = this.now();
    if (transfer.body.write(bytes)) return;
    // Wait for the disk, unless the store gave up (too many bytes, a write error): then say why.
    await Promise.race([once(transfer.body, 'drain'), transfer.stored]);
  }

  async end(id: string): Promise<string> {
    const transfer = this.find(id);
    this.open.delete(id);
    transfer.body.end();
    return transfer.stored;
  }

  private find(id: string): Transfer {
    const transfer = this.open.get(id);
    if (!transfer) {
      throw new StudioError({
        kind: 'not_found',
        userMessage:
          'That file transfer is not open any more (it was finished, or left unfinished too long).',
      });
    }
    return transfer;
  }

  private dropAbandoned(): void {
    const cutoff = this.now() - TRANSFER_IDLE_MS;
    for (const [id, transfer] of this.open) {
      if (transfer.touchedAt >= cutoff) continue;
      this.open.delete(id);
      transfer.body.destroy(new Error('the page stopped sending this file'));
    }
  }
}
