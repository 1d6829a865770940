// Turns the path of a request URL into path segments that are safe to join under a root folder.
// Each segment is decoded on its own, so an encoded slash (%2F, %5C) cannot smuggle in a separator
// after the split. Anything that could climb out of the root or mean something special to a file
// system is refused outright rather than cleaned up: a well-formed URL from our UI never has it.

// Control characters (NUL included), both separators, and ':' (Windows drive letters and NTFS
// alternate data streams).
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const FORBIDDEN_IN_SEGMENT = /[\u0000-\u001f\u007f/\\:]/;

/** Segments of `pathname` (which starts with '/'), or null when it is not a plain relative path. */
export function safePathSegments(pathname: string): string[] | null {
  if (!pathname.startsWith('/')) return null;
  const body = pathname.slice(1);
  if (body === '') return [];
  const segments: string[] = [];
  for (const raw of body.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (FORBIDDEN_IN_SEGMENT.test(segment)) return null;
    // Windows drops trailing dots and spaces, so "..." or ".. " could act as "..".
    if (segment.endsWith('.') || segment.endsWith(' ')) return null;
    segments.push(segment);
  }
  return segments;
}

/** Lower-case extension of the last segment without the dot, or '' when there is none. */
export function extensionOf(segment: string): string {
  const dot = segment.lastIndexOf('.');
  return dot <= 0 ? '' : segment.slice(dot + 1).toLowerCase();
}
