// The browser host's two secrets and how a tab gets them. The control token opens the WebSocket
// (the whole studio); the media token only reads library files under /media/<media token>/, so a
// copied video address hands over nothing else, and the control token cannot be derived from it.
//
// How a browser tab gets the control token without the token ever appearing in a URL: The host
// prints (and hands to the browser launcher, whose argv anyone on the machine can read) a link with
// a one-time code; the page posts that code to /session and gets the token back in the response
// body. A code works once and only for a few minutes, so a link seen in `ps`, a terminal's
// scrollback or browser history is worth nothing by the time anyone else reads it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type Route, readBody } from '../core/http/routed-server';

/** A sign-in request body is `{"code":"…"}`; anything much bigger is not one. */
const MAX_SIGN_IN_BODY_BYTES = 1024;
export const SIGN_IN_CODE_LIFETIME_MS = 5 * 60 * 1000;
/** Unused codes kept at most; minting more drops the oldest (nobody needs hundreds of open links). */
const MAX_OPEN_CODES = 32;

export interface SignInCodes {
  /** A fresh single-use code. */
  mint(): string;
  /** The control token if `code` is a live, unused code (which it no longer is afterwards). */
  exchange(code: string): string | null;
}

/** A fresh random secret (192 bits). */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison, so a wrong guess teaches nothing about the right one. */
export function secretsEqual(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createSignInCodes(controlToken: string, now: () => number = Date.now): SignInCodes {
  const open = new Map<string, number>();
  const dropExpired = () => {
    for (const [code, expiresAt] of open) if (expiresAt <= now()) open.delete(code);
  };
  return {
    mint() {
      dropExpired();
      const code = randomBytes(18).toString('base64url');
      open.set(code, now() + SIGN_IN_CODE_LIFETIME_MS);
      while (open.size > MAX_OPEN_CODES) open.delete(open.keys().next().value as string);
      return code;
    },
    exchange(code) {
      dropExpired();
      for (const candidate of open.keys()) {
        if (!secretsEqual(candidate, code)) continue;
        open.delete(candidate);
        return controlToken;
      }
      return null;
    },
  };
}

function codeIn(body: Buffer): string | null {
  try {
    const { code } = JSON.parse(body.toString('utf8')) as { code?: unknown };
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/** POST /session `{"code"}` → `{"token"}`, for our own page only (fetch always sends Origin on a POST). */
export function signInRoute(codes: SignInCodes, allowedOrigin: () => string): Route {
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  return {
    path: '/session',
    methods: ['POST'],
    handle: async (request, response) => {
      const body =
        request.headers.origin === allowedOrigin()
          ? await readBody(request, response, MAX_SIGN_IN_BODY_BYTES)
          : Buffer.alloc(0);
      if (body === null) return; // too large: already answered 413
      const code = codeIn(body);
      const token = code === null ? null : codes.exchange(code);
      if (token === null) {
        response.writeHead(403, headers).end(JSON.stringify({ error: 'sign-in link used or expired' }));
        return;
      }
      response.writeHead(200, headers).end(JSON.stringify({ token }));
    },
  };
}
