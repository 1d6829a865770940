// The part file's batched writer: whatever order and sizes chunks arrive in, the hash and byte count
// describe exactly the bytes in the file, backpressure releases once the disk catches up, and a
// disk failure stops everything after it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PartFile } from '../../../main/core/downloads/part-file';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-part-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function chunks(count: number): Buffer[] {
  // Sizes from 1 byte to 300 KiB, so batches split at every kind of boundary.
  return Array.from({ length: count }, (_, i) => randomBytes(1 + ((i * 7919) % (300 * 1024))));
}

describe('PartFile', () => {
  it('hash and byte count match the file after many batched writes', async () => {
    const path = join(dir, 'a.part');
    const part = await PartFile.open(path, 0);
    const sent = chunks(200);
    let peak = 0;
    for (const chunk of sent) peak = Math.max(peak, part.enqueue(chunk));
    await part.sync();
    const onDisk = await readFile(path);
    expect(onDisk.equals(Buffer.concat(sent))).toBe(true);
    expect(part.bytes).toBe(onDisk.length);
    expect(part.digest()).toBe(createHash('sha256').update(onDisk).digest('hex'));
    expect(peak).toBeGreaterThan(0);
    await part.close();
  });

  it('never counts more than is in the file while writes are in flight', async () => {
    const path = join(dir, 'b.part');
    const part = await PartFile.open(path, 0);
    for (const chunk of chunks(60)) {
      part.enqueue(chunk);
      const durable = await part.syncWritten();
      expect(durable).toBeLessThanOrEqual((await readFile(path)).length);
    }
    await part.close();
  });

  it('backlogBelow resolves once the writer has caught up', async () => {
    const part = await PartFile.open(join(dir, 'c.part'), 0);
    let backlog = 0;
    for (const chunk of chunks(80)) backlog = part.enqueue(chunk);
    expect(backlog).toBeGreaterThan(1024);
    await part.backlogBelow(1024);
    await part.flushed();
    expect(part.enqueue(Buffer.alloc(0))).toBe(0);
    await part.close();
  });

  it('resumes by re-hashing the kept bytes, so the final hash covers the whole file', async () => {
    const path = join(dir, 'd.part');
    const first = chunks(30);
    const part = await PartFile.open(path, 0);
    for (const chunk of first) part.enqueue(chunk);
    await part.sync();
    const kept = part.bytes - 10; // the last checkpoint was a little earlier
    await part.close();
    const resumed = await PartFile.open(path, kept);
    const rest = Buffer.concat(first).subarray(kept);
    resumed.enqueue(rest);
    await resumed.sync();
    expect(resumed.digest()).toBe(createHash('sha256').update(Buffer.concat(first)).digest('hex'));
    await resumed.close();
  });
});
