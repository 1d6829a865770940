// The file side of an import: which files a folder stands for, and the hashed, fsynced copy.
import { createHash } from 'node:crypto';
import { type FileHandle, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const COPY_CHUNK = 1024 * 1024;

export /** A folder stands for the videos directly inside it (their sidecars come along). */
async function expandFolders(paths: string[]): Promise<string[]> {
  const expanded: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) {
      expanded.push(path);
      continue;
    }
    const entries = await readdir(path, { withFileTypes: true });
    const videos = entries.filter((entry) => entry.isFile() && /\.(mp4|m4v|mov)$/i.test(entry.name));
    if (videos.length === 0) expanded.push(path);
    for (const entry of videos.sort((a, b) => a.name.localeCompare(b.name)))
      expanded.push(join(path, entry.name));
  }
  return expanded;
}

export /** Copies in one pass, hashing what it writes, and fsyncs the copy before it is renamed. */
async function copyWithHash(from: string, to: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(COPY_CHUNK);
  let source: FileHandle | null = null;
  let target: FileHandle | null = null;
  let bytes = 0;
  try {
    source = await open(from, 'r');
    target = await open(to, 'w', 0o644);
    for (;;) {
      const { bytesRead } = await source.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let written = 0;
      while (written < bytesRead) written += (await target.write(chunk, written)).bytesWritten;
      hash.update(chunk);
      bytes += bytesRead;
    }
    await target.sync();
  } finally {
    await source?.close();
    await target?.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}
