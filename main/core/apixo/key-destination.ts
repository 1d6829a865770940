// Where the APIXO API key may be sent: the one rule, in the one type ApixoClient accepts. A
// KeyDestination can only be made here, from the documented APIXO origin, from the simulator this
// process started, or from a base URL the operator gave outside the UI (CLI --base-url, or the
// WAN_STUDIO_API_BASE_URL environment variable). Nothing the UI can write reaches this, so a
// compromised renderer cannot point the key at its own server.
import { isIP } from 'node:net';
import { StudioError } from '../errors';

export const APIXO_ORIGIN = 'https://api.apixo.ai';
export const DEFAULT_BASE_URL = `${APIXO_ORIGIN}/api/v1`;
/** Another APIXO base URL (a loopback test server, or with the opt-in below an https proxy). */
export const BASE_URL_VARIABLE = 'WAN_STUDIO_API_BASE_URL';
/** "1": a non-APIXO https base URL from the flag or the variable is allowed to receive the key. */
export const ALLOW_CUSTOM_API_VARIABLE = 'WAN_STUDIO_ALLOW_CUSTOM_API';

export type BaseUrlSource = 'default' | 'flag' | 'environment' | 'simulator';

/** 127.0.0.0/8, ::1 and localhost: a server on this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return isIP(bare) === 6 && bare === '::1';
}

function parseHttpUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function withoutTrailingSlash(url: URL): string {
  return url.href.replace(/\/+$/, '');
}

function refused(userMessage: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage, createdNothing: true });
}

export class KeyDestination {
  private readonly origin: string;

  private constructor(
    /** Without a trailing slash, e.g. https://api.apixo.ai/api/v1. */
    readonly baseUrl: string,
    readonly source: BaseUrlSource,
  ) {
    this.origin = new URL(baseUrl).origin;
  }

  /** The documented APIXO API over https. */
  static apixo(): KeyDestination {
    return new KeyDestination(DEFAULT_BASE_URL, 'default');
  }

  /** The built-in simulator this process started; it always listens on loopback. */
  static localSimulator(baseUrl: string): KeyDestination {
    const url = parseHttpUrl(baseUrl);
    if (!url || !isLoopbackHost(url.hostname)) {
      throw new Error(`the demo simulator must listen on loopback, not ${baseUrl}`);
    }
    return new KeyDestination(withoutTrailingSlash(url), 'simulator');
  }

  /**
   * A base URL given outside the UI. Allowed: the APIXO origin over https, or a loopback server
   * (for tests and local proxies); another https server only with WAN_STUDIO_ALLOW_CUSTOM_API=1.
   * Anything else is refused here, before a request can carry the key.
   */
  static explicit(raw: string, source: 'flag' | 'environment', allowCustomHttps: boolean): KeyDestination {
    const name = source === 'flag' ? '--base-url' : BASE_URL_VARIABLE;
    const url = parseHttpUrl(raw.trim());
    if (!url) throw refused(`${name} must be an http(s) URL, got "${raw}".`);
    if (url.username || url.password) throw refused(`${name} must not contain a user name or password.`);
    const allowed =
      url.origin === APIXO_ORIGIN ||
      isLoopbackHost(url.hostname) ||
      (url.protocol === 'https:' && allowCustomHttps);
    if (!allowed) {
      throw refused(
        `${name} points at ${url.origin}: Wan Studio sends your API key only to ${APIXO_ORIGIN} ` +
          `or to a server on this computer (localhost). To use another https server, also set ` +
          `${ALLOW_CUSTOM_API_VARIABLE}=1.`,
      );
    }
    return new KeyDestination(withoutTrailingSlash(url), source);
  }

  /** The URL of an API path; refuses a path that would leave this destination's origin. */
  urlFor(path: string): string {
    const url = `${this.baseUrl}${path}`;
    if (new URL(url).origin !== this.origin) {
      throw refused(`Refused to send the API key outside ${this.origin}.`);
    }
    return url;
  }
}

/** The flag wins over the variable; with neither, the documented APIXO API. */
export function resolveKeyDestination(input: {
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
}): KeyDestination {
  const allowCustom = input.env[ALLOW_CUSTOM_API_VARIABLE] === '1';
  if (input.flag) return KeyDestination.explicit(input.flag, 'flag', allowCustom);
  const fromEnv = input.env[BASE_URL_VARIABLE]?.trim();
  if (fromEnv) return KeyDestination.explicit(fromEnv, 'environment', allowCustom);
  return KeyDestination.apixo();
}
