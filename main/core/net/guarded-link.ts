// Opening a link someone else chose (a reference image link, a result link in APIXO's answer):
// http(s) only, no credentials in it, no host an AddressPolicy refuses, redirects followed by hand
// so every hop is checked the same way, and the DNS answer checked again at connect time, so a
// name that resolves to a private address is caught even when it changes between lookups.
// Callers word the refusals for their own user (see LinkRefusedError.problem).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { Agent, Dispatcher } from 'undici';
import type { AddressPolicy } from './address-policy';
import { loadUndici } from './undici-lazy';

export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export type LinkProblem =
  | 'not_a_url'
  /** A blob: link only exists inside the page it came from. */
  | 'blob'
  | 'not_http'
  | 'credentials'
  | 'private_address'
  | 'too_many_redirects';

/** Which link was refused: the one given, or a redirect it led to. */
export type LinkHop = 'link' | 'redirect';

export class LinkRefusedError extends Error {
  constructor(
    readonly problem: LinkProblem,
    readonly hop: LinkHop,
    /** The refused link (parsed when it parses). */
    readonly url: URL | null,
    readonly raw: string,
    /** private_address: the address that was refused. */
    readonly address: string | null = null,
  ) {
    super(`${hop} refused (${problem}): ${url ? `${url.protocol}//${url.host}` : raw.slice(0, 60)}`);
    this.name = 'LinkRefusedError';
  }
}

/** Parses a link and refuses what can never be fetched safely; checks no address yet. */
export function checkLinkShape(raw: string, hop: LinkHop = 'link'): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new LinkRefusedError('not_a_url', hop, null, raw);
  }
  if (url.protocol === 'blob:') throw new LinkRefusedError('blob', hop, url, raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LinkRefusedError('not_http', hop, url, raw);
  }
  if (url.username || url.password) throw new LinkRefusedError('credentials', hop, url, raw);
  return url;
}

/** True when `raw` passes checkLinkShape. */
export function hasSafeLinkShape(raw: string): boolean {
  try {
    checkLinkShape(raw);
    return true;
  } catch {
    return false;
  }
}

class PrivateAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to ${address}, which the address policy refuses`);
  }
}

function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((entry) => !policy(entry.address));
      if (refused) return callback(new PrivateAddressError(hostname, refused.address), '', 0);
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

function findPrivate(error: unknown): PrivateAddressError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (current instanceof PrivateAddressError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export interface GuardedAgentTimeouts {
  connectMs: number;
  /** Idle limits: no headers / no body bytes for this long. */
  headersMs: number;
  bodyMs: number;
}

/** An undici Agent whose every connection first passes `policy` (close it when done). */
export async function guardedAgent(policy: AddressPolicy, timeouts: GuardedAgentTimeouts): Promise<Agent> {
  const { Agent } = await loadUndici();
  return new Agent({
    connect: { lookup: guardedLookup(policy), timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
}

export interface OpenLinkOptions {
  policy: AddressPolicy;
  /** Must come from guardedAgent(policy, …): it re-checks names at connect time. */
  agent: Agent;
  headers: Record<string, string>;
  signal?: AbortSignal;
}

export interface OpenedLink {
  response: Dispatcher.ResponseData;
  /** Where the answer finally came from, after redirects. */
  url: URL;
}

/**
 * GETs `raw`, following up to MAX_REDIRECTS redirects, each hop checked. Throws LinkRefusedError
 * for a refused hop (nothing was sent to it); transport errors pass through untouched.
 */
export async function openGuardedLink(raw: string, options: OpenLinkOptions): Promise<OpenedLink> {
  let url = checkLinkShape(raw);
  let hop: LinkHop = 'link';
  for (let redirects = 0; ; redirects++) {
    // Literal IP hosts skip DNS, so the lookup guard never sees them.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) && !options.policy(literal)) {
      throw new LinkRefusedError('private_address', hop, url, url.href, literal);
    }
    let response: Dispatcher.ResponseData;
    try {
      const { request } = await loadUndici();
      response = await request(url, {
        dispatcher: options.agent,
        method: 'GET',
        signal: options.signal,
        headers: options.headers,
      });
    } catch (error) {
      const refused = findPrivate(error);
      if (refused) throw new LinkRefusedError('private_address', hop, url, url.href, refused.address);
      throw error;
    }
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode) || !location) return { response, url };
    await response.body.dump().catch(() => {});
    if (redirects >= MAX_REDIRECTS) throw new LinkRefusedError('too_many_redirects', hop, url, url.href);
    let next: string;
    try {
      next = new URL(String(location), url).href;
    } catch {
      throw new LinkRefusedError('not_a_url', 'redirect', null, String(location));
    }
    url = checkLinkShape(next, 'redirect');
    hop = 'redirect';
  }
}
