// Crash-safe file writes: write a sibling temp file, fsync it, rename over the target, fsync the
// directory. A reader sees the old file or the new one, never half of either.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; rename there is already durable enough.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dirname(path));
}

/** Rename a finished file into place and make the rename durable. */
export async function renameDurable(from: string, to: string): Promise<void> {
  await rename(from, to);
  await fsyncDirectory(dirname(to));
}
