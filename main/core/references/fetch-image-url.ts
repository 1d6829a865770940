// Fetches the image behind a link the way APIXO will, before anything is paid for: the link and
// every redirect checked by the shared guard (http(s) only, no credentials, no host on a private
// network, since APIXO cannot reach one; DNS re-checked at connect time), a short timeout, and a
// size cap. This file only words the refusals for a reference image.
import { StudioError } from '../errors';
import type { AddressPolicy } from '../net/address-policy';
import {
  checkLinkShape as checkSharedLinkShape,
  guardedAgent,
  LinkRefusedError,
  MAX_REDIRECTS,
  openGuardedLink,
} from '../net/guarded-link';
import { classifyNetworkError, describeNetworkFailure } from '../net/network-errors';
import { invalidImage } from './errors';

export const URL_FETCH_TIMEOUT_MS = 10_000;

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

const PRIVATE_EXPLAINED =
  'APIXO fetches the image from its own servers, which cannot reach addresses on this computer or your local network.';

/** Refuses what can never work as a public image link; returns the parsed URL. */
export function checkImageLinkShape(raw: string): URL {
  try {
    return checkSharedLinkShape(raw);
  } catch (error) {
    throw error instanceof LinkRefusedError ? refusal(error) : error;
  }
}

/** The user's words for a link (or one of its redirects) the guard refused. */
function refusal(error: LinkRefusedError): StudioError {
  const { url, hop } = error;
  const what = hop === 'link' || !url ? 'The link' : `The link redirects to ${url.origin}, which`;
  switch (error.problem) {
    case 'not_a_url':
      return invalidImage(`"${error.raw.slice(0, 100)}" is not a web address.`);
    case 'blob':
      return invalidImage(
        'This image exists only inside the page it was dragged from (a blob: link). Save it to a file and drop the file instead.',
      );
    case 'not_http':
      return invalidImage(`${what} must start with http:// or https:// (it is ${url?.protocol}).`);
    case 'credentials':
      return invalidImage(
        `${what} contains a user name or password, which APIXO would receive too. Use a link without credentials.`,
      );
    case 'too_many_redirects':
      return invalidImage(`The image link redirects more than ${MAX_REDIRECTS} times.`);
    case 'private_address': {
      const where =
        hop === 'link' ? `The link's host ${url?.hostname}` : `The link redirects to ${url?.hostname}, which`;
      return invalidImage(
        `${where} is a private or local address (${error.address}). ${PRIVATE_EXPLAINED}`,
        `private address ${error.address} for ${url?.href}`,
      );
    }
  }
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
  const start = checkImageLinkShape(raw);
  const agent = await guardedAgent(options.policy, {
    connectMs: timeoutMs,
    headersMs: timeoutMs,
    bodyMs: timeoutMs,
  });
  const signal = AbortSignal.any([
    AbortSignal.timeout(timeoutMs * 2),
    ...(options.signal ? [options.signal] : []),
  ]);
  let host = start.host;
  try {
    const { response, url } = await openGuardedLink(start.href, {
      policy: options.policy,
      agent,
      signal,
      headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8,*/*;q=0.5' },
    });
    host = url.host;
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
  } catch (error) {
    if (error instanceof StudioError) throw error;
    if (error instanceof LinkRefusedError) throw refusal(error);
    const { failure } = classifyNetworkError(error);
    throw invalidImage(
      `The image link cannot be fetched. ${describeNetworkFailure(failure, host, error)}`,
      `GET ${host}: ${String(error)}`,
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
