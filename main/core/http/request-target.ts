// The request line of every HTTP server we run, read one way. Node hands a server the raw request
// target and method; anything a client types reaches us, so this turns it into a verdict instead of
// an exception: only origin-form targets ("/path?query", RFC 9112 §3.2.1) are served. Absolute-form
// ("http://host/x"), authority-form, asterisk-form, "//host" and anything the URL parser refuses
// ("%%%", "http://[") get a 400, and a method a route does not take gets a 405 that names the ones
// it does (RFC 9110 §15.5.6).

export interface RequestTarget {
  /** Still percent-encoded; decode per segment (safePathSegments) before touching files. */
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
}

// A fixed base: the host header is the client's word and must not shape the parsed path.
const BASE = 'http://127.0.0.1';

/** The parsed origin-form target, or null when the client sent anything else. */
export function parseRequestTarget(raw: string | undefined): RequestTarget | null {
  if (!raw?.startsWith('/') || raw.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  // The parser also resolves "/a/../b" and backslashes; only a target that stays on our base counts.
  if (url.origin !== BASE) return null;
  return { pathname: url.pathname, searchParams: url.searchParams };
}

/** Parses an absolute URL handed to us by a platform (Electron protocols) without throwing. */
export function parseAbsoluteUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

export type MethodVerdict = { ok: true } | { ok: false; status: 405; allow: string };

export function checkMethod(method: string | undefined, allowed: readonly string[]): MethodVerdict {
  return method !== undefined && allowed.includes(method)
    ? { ok: true }
    : { ok: false, status: 405, allow: allowed.join(', ') };
}

/** The methods a read-only file route takes. */
export const READ_METHODS = ['GET', 'HEAD'] as const;
