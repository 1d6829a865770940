// A valid MP4 of any size without writing its bytes: the small faststart fixture (ftyp, moov,
// mdat) followed by one `free` box that fills the file up to `totalBytes`. The tail is a sparse
// hole on disk, so a 2 GB test file costs nothing until it is read.
import { copyFile, open } from 'node:fs/promises';
import { join } from 'node:path';

export const SMALL_MP4 = join(import.meta.dirname, '..', 'fixtures', 'media', 'clip-faststart.mp4');

export async function writeLargeMp4(path: string, totalBytes: number): Promise<void> {
  await copyFile(SMALL_MP4, path);
  const handle = await open(path, 'r+');
  try {
    const start = (await handle.stat()).size;
    const freeSize = totalBytes - start;
    if (freeSize < 8 || freeSize > 0xffff_ffff) throw new Error(`cannot make a ${totalBytes}-byte MP4`);
    const header = Buffer.alloc(8);
    header.writeUInt32BE(freeSize, 0);
    header.write('free', 4, 'latin1');
    await handle.write(header, 0, 8, start);
    await handle.truncate(totalBytes);
  } finally {
    await handle.close();
  }
}
