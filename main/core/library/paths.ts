// Stored paths are relative to the library root with forward slashes, so the folder can move
// between machines and operating systems. They must stay inside the root: a stored path is later
// joined to the root and opened, moved or deleted.
import { join } from 'node:path';
import { StudioError } from '../errors';

/** Validates and normalizes a path for storage; throws invalid_request when it leaves the root. */
export function toRelPath(path: string): string {
  const slashes = typeof path === 'string' ? path.replace(/\\/g, '/') : '';
  const parts = slashes.split('/').filter((part) => part !== '' && part !== '.');
  const absolute = slashes.startsWith('/') || /^[A-Za-z]:/.test(slashes);
  if (parts.length === 0 || absolute || parts.includes('..') || slashes.includes('\0')) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `Library paths must be relative to the library folder and stay inside it: ${String(path)}`,
    });
  }
  return parts.join('/');
}

export function absolutePath(root: string, relPath: string): string {
  return join(root, ...relPath.split('/'));
}
