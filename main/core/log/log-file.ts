// An append-only log file with one backup: when the next line would push it past `maxBytes`, the
// file becomes `<file>.1` (replacing the older backup) and a fresh file starts. Writes are
// synchronous so lines keep their order and the last line before a crash is on disk.
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LogFile {
  append(line: string): void;
  close(): void;
}

export const DEFAULT_MAX_LOG_BYTES = 5 * 1024 * 1024;

export function openLogFile(path: string, maxBytes = DEFAULT_MAX_LOG_BYTES): LogFile {
  mkdirSync(dirname(path), { recursive: true });
  // 0o600: lines hold prompts and file paths, which are the user's business only.
  let fd: number | null = openSync(path, 'a', 0o600);
  let size = fstatSync(fd).size;

  return {
    append(line) {
      if (fd === null) throw new Error(`log file ${path} is closed`);
      const bytes = Buffer.from(line, 'utf8');
      if (size > 0 && size + bytes.length > maxBytes) {
        closeSync(fd);
        fd = null;
        renameSync(path, `${path}.1`);
        fd = openSync(path, 'a', 0o600);
        size = 0;
      }
      // One write per line; the loop only matters if the OS ever accepts part of it.
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      size += bytes.length;
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
