// Fetches the image behind a link the way APIXO will, before anything is paid for: http(s) only,
// no credentials in the URL, no host on a private network (APIXO cannot reach one), redirects
// followed by hand so each hop is checked, a short timeout, and a size cap. The DNS answer is
// checked at connect time too, so a name that resolves to a private address is caught even when
// it changes between lookups.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { StudioError } from '../errors';
import type { AddressPolicy } from '../net/address-policy';
import { classifyNetworkError, describeNetworkFailure } from '../net/network-errors';
import { invalidImage } from './errors';

export const URL_FETCH_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 5;

export interface FetchedImage {
  bytes: Uint8Array;
  /** Where the bytes finally came from, after redirects. */
  finalUrl: string;
}

export interface FetchImageOptions {
  policy: AddressPolicy;
  maxBytes: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

class PrivateAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to ${address}, which is not on the public internet`);
  }
}

const PRIVATE_EXPLAINED =
  'APIXO fetches the image from its own servers, which cannot reach addresses on this computer or your local network.';

/** Refuses what can never work as a public image link; returns the parsed URL. */
export function checkImageLinkShape(raw: string, hop: 'link' | 'redirect' = 'link'): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidImage(`"${raw.slice(0, 100)}" is not a web address.`);
  }
  const what = hop === 'link' ? 'The link' : `The link redirects to ${url.origin}, which`;
  if (url.protocol === 'blob:') {
    throw invalidImage(
      'This image exists only inside the page it was dragged from (a blob: link). Save it to a file and drop the file instead.',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidImage(`${what} must start with http:// or https:// (it is ${url.protocol}).`);
  }
  if (url.username || url.password) {
    throw invalidImage(
      `${what} contains a user name or password, which APIXO would receive too. Use a link without credentials.`,
    );
  }
  return url;
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

function privateError(url: URL, address: string, hop: 'link' | 'redirect'): StudioError {
  const where =
    hop === 'link' ? `The link's host ${url.hostname}` : `The link redirects to ${url.hostname}, which`;
  return invalidImage(
    `${where} is a private or local address (${address}). ${PRIVATE_EXPLAINED}`,
    `private address ${address} for ${url.href}`,
  );
}

function findPrivate(error: unknown): PrivateAddressError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (current instanceof PrivateAddressError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

async function readCapped(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function fetchImageUrl(raw: string, options: FetchImageOptions): Promise<FetchedImage> {
  const timeoutMs = options.timeoutMs ?? URL_FETCH_TIMEOUT_MS;
  const agent = new Agent({
    connect: { lookup: guardedLookup(options.policy), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const signal = AbortSignal.any([
    AbortSignal.timeout(timeoutMs * 2),
    ...(options.signal ? [options.signal] : []),
  ]);
  let url = checkImageLinkShape(raw);
  let hop: 'link' | 'redirect' = 'link';
  try {
    for (let redirects = 0; ; redirects++) {
      // Literal IP hosts skip DNS, so the lookup guard never sees them.
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(literal) && !options.policy(literal)) throw privateError(url, literal, hop);
      let response: Awaited<ReturnType<typeof request>>;
      try {
        response = await request(url, {
          dispatcher: agent,
          method: 'GET',
          signal,
          headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8,*/*;q=0.5' },
        });
      } catch (error) {
        const refused = findPrivate(error);
        if (refused) throw privateError(url, refused.address, hop);
        const { failure } = classifyNetworkError(error);
        throw invalidImage(
          `The image link cannot be fetched. ${describeNetworkFailure(failure, url.host, error)}`,
          `GET ${url.origin}: ${String(error)}`,
          error,
        );
      }
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && location) {
        await response.body.dump();
        if (redirects >= MAX_REDIRECTS) {
          throw invalidImage(`The image link redirects more than ${MAX_REDIRECTS} times.`);
        }
        url = checkImageLinkShape(new URL(String(location), url).href, 'redirect');
        hop = 'redirect';
        continue;
      }
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump();
        throw invalidImage(
          `The server at ${url.host} answered HTTP ${response.statusCode} for the image link, so APIXO could not fetch it either.`,
        );
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        await response.body.dump();
        throw tooLarge(options.maxBytes);
      }
      const bytes = await readCapped(response.body, options.maxBytes);
      if (!bytes) throw tooLarge(options.maxBytes);
      return { bytes, finalUrl: url.href };
    }
  } catch (error) {
    if (error instanceof StudioError) throw error;
    const { failure } = classifyNetworkError(error);
    throw invalidImage(
      `The image link cannot be fetched. ${describeNetworkFailure(failure, url.host, error)}`,
      String(error),
      error,
    );
  } finally {
    void agent.close();
  }
}

function tooLarge(maxBytes: number): StudioError {
  return invalidImage(
    `The image behind this link is larger than ${Math.round(maxBytes / (1024 * 1024))} MB. Download it and use a smaller copy.`,
  );
}
