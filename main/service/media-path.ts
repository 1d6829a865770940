// Which file a media URL may read: only a known media type, only inside the current library root,
// and only after symlinks are resolved (a link inside the library pointing at ~/.ssh stays refused).
// Used by Electron's wan-media:// protocol; the browser host's /media route can use it too.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { extensionOf, safePathSegments } from './safe-url-path';

export const MEDIA_CONTENT_TYPES: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  // Reference audio (wan-2-5-video): played in the app and fetched by the demo simulator.
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
};

export type MediaFile = { ok: true; path: string; size: number; contentType: string };
export type MediaRefusal = { ok: false; status: 400 | 403 | 404; reason: string };

export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

async function realpathOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

/** Resolves a URL pathname such as `/project/2026-11/clip-abc.mp4` against the library root. */
export async function resolveLibraryFile(
  libraryRoot: string,
  urlPathname: string,
): Promise<MediaFile | MediaRefusal> {
  const segments = safePathSegments(urlPathname);
  if (segments === null) return { ok: false, status: 400, reason: 'malformed path' };
  const name = segments.at(-1);
  if (name === undefined) return { ok: false, status: 404, reason: 'no file named' };
  const contentType = MEDIA_CONTENT_TYPES[extensionOf(name)];
  if (!contentType) return { ok: false, status: 403, reason: 'not a media file' };

  const root = await realpathOrNull(libraryRoot);
  if (root === null) return { ok: false, status: 404, reason: 'library folder missing' };
  const real = await realpathOrNull(join(root, ...segments));
  if (real === null) return { ok: false, status: 404, reason: 'no such file' };
  if (!isInside(root, real)) return { ok: false, status: 403, reason: 'outside the library' };
  // The link target must be media too, not just the link's name.
  const realType = MEDIA_CONTENT_TYPES[extensionOf(real)];
  if (!realType) return { ok: false, status: 403, reason: 'not a media file' };

  const info = await stat(real);
  if (!info.isFile()) return { ok: false, status: 404, reason: 'not a file' };
  return { ok: true, path: real, size: info.size, contentType: realType };
}
