// Is this text a link we can use? One judge for every field that takes a link (image and audio
// links, the image-hosting endpoint, the callback address), so "not a url", ftp://… and
// javascript:… get a specific reason instead of being ignored. Process-agnostic: no imports.

export type LinkProblem =
  /** Not a web address at all ("not a url", "example.com/a.jpg" without a scheme). */
  | 'not_a_link'
  /** A link of another kind (ftp:, file:, javascript:, mailto:…): `scheme` says which. */
  | 'scheme'
  /** A user name or password inside the link (https://user:pass@…): never sent anywhere. */
  | 'credentials';

export interface LinkCheck {
  problem: LinkProblem;
  /** The scheme the text used, e.g. "ftp:" (for the 'scheme' problem). */
  scheme?: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Null when `text` is a link with one of `schemes` (lower case, with the colon); otherwise why not.
 * Empty text is not judged here: a field decides whether empty is allowed.
 */
export function checkWebLink(
  text: string,
  schemes: readonly string[] = ['http:', 'https:'],
): LinkCheck | null {
  const trimmed = text.trim();
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  // "example.com:8080/a.jpg" is a host and port without a scheme, not an "example.com:" link.
  if (!scheme || /^[^:]+:\d/.test(trimmed)) return { problem: 'not_a_link' };
  if (!schemes.includes(`${scheme}:`)) return { problem: 'scheme', scheme: `${scheme}:` };
  // data: and blob: links have no host to parse; the image check judges their content.
  if (scheme === 'data' || scheme === 'blob') return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { problem: 'not_a_link' };
  }
  if (!url.hostname) return { problem: 'not_a_link' };
  if (url.username || url.password) return { problem: 'credentials' };
  return null;
}
