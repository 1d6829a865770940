// Files a host received for the contract call that will name them (library.importFiles,
// images.inspect, sequences.saveExport): the browser host's HTTP uploads, and in Electron the bytes
// of a file that is not on disk (a rendered sequence, a video frame, a pasted image). Each body is
// streamed to a temp file in the library's staging folder, counted against its size limit as it
// arrives, and removed on any failure; a finished upload is taken once and deleted after use, or
// after UPLOAD_TTL_MS.
// What a crash leaves there is swept at the next start (sweepInterruptedImports).
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LocalFile, UploadSource } from '../service/file-access';

const UPLOAD_TTL_MS = 30 * 60 * 1000;

export class UploadTooLarge extends Error {}
export class UploadIncomplete extends Error {}

interface Waiting {
  path: string;
  name: string;
  receivedAt: number;
}

export class UploadStore implements UploadSource {
  private readonly waiting = new Map<string, Waiting>();

  /** `dir` is asked each time: the library (and its data area) can move. */
  constructor(
    private readonly dir: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Streams `body` to a temp file; resolves with the upload's id once all `expectedBytes` arrived. */
  async receive(body: Readable, name: string, expectedBytes: number, maxBytes: number): Promise<string> {
    await this.sweep();
    const dir = this.dir();
    await mkdir(dir, { recursive: true });
    const id = randomBytes(16).toString('hex');
    const path = join(dir, `${id}.upload`);
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > maxBytes || received > expectedBytes) done(new UploadTooLarge());
        else done(null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      if (received !== expectedBytes) throw new UploadIncomplete();
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    this.waiting.set(id, { path, name, receivedAt: this.now() });
    return id;
  }

  take(id: string): LocalFile | null {
    const upload = this.waiting.get(id);
    if (!upload) return null;
    this.waiting.delete(id);
    return { path: upload.path, name: upload.name, release: () => rm(upload.path, { force: true }) };
  }

  /** Uploads nobody asked for (a closed tab) do not pile up. */
  private async sweep(): Promise<void> {
    const cutoff = this.now() - UPLOAD_TTL_MS;
    for (const [id, upload] of this.waiting) {
      if (upload.receivedAt >= cutoff) continue;
      this.waiting.delete(id);
      await rm(upload.path, { force: true });
    }
  }

  /** At close: uploads nobody named are not wanted any more (another process's are left alone). */
  async discardAll(): Promise<void> {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    await Promise.all(waiting.map((upload) => rm(upload.path, { force: true })));
  }
}
