// Chunked transfers of page-made files into the upload store (Electron's bytes channel): a transfer
// the page abandons is dropped, with its partial file, once another begins after a minute's quiet.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ByteTransfers } from '../../main/service/byte-transfers';
import { UploadStore } from '../../main/service/upload-store';

let dir = '';
let now = 0;
let transfers: ByteTransfers;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-transfers-'));
  now = 1_000_000;
  transfers = new ByteTransfers(
    new UploadStore(
      () => dir,
      () => now,
    ),
    () => now,
  );
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

it('drops an abandoned transfer and its partial file; a live one finishes', async () => {
  const abandoned = transfers.begin('half.mp4', 100, 1000);
  await transfers.chunk(abandoned, new Uint8Array(40));
  await settle();
  expect(readdirSync(dir)).toHaveLength(1);

  now += 61_000;
  const live = transfers.begin('whole.mp4', 3, 1000);
  await settle();
  await expect(transfers.chunk(abandoned, new Uint8Array(1))).rejects.toMatchObject({ kind: 'not_found' });
  await transfers.chunk(live, new Uint8Array([1, 2, 3]));
  const id = await transfers.end(live);
  expect(readdirSync(dir)).toEqual([`${id}.upload`]);
  expect(existsSync(join(dir, `${id}.upload`))).toBe(true);
});

it('refuses an end before every announced byte arrived, and leaves nothing behind', async () => {
  const short = transfers.begin('short.mp4', 10, 1000);
  await transfers.chunk(short, new Uint8Array(4));
  await expect(transfers.end(short)).rejects.toBeDefined();
  expect(readdirSync(dir)).toEqual([]);
});
