// How a download failure is told to the user, and which failures are worth another attempt.
import { isStudioError, StudioError } from '../errors';
import { type LinkRefusedError, MAX_REDIRECTS } from '../net/guarded-link';

const RESUME_HINT = 'The part already downloaded is kept and the download will resume from there.';

export const EXPIRED_MESSAGE =
  'The result link has expired (APIXO keeps results for a limited time). The video can no longer be downloaded.';

/** Connection-level failures: the server may be fine, the path to it was not. */
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
]);

function errorCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

export function isConnectionError(error: unknown): boolean {
  const code = errorCode(error);
  if (!code) return false;
  return CONNECTION_CODES.has(code) || (code.startsWith('UND_ERR_') && code !== 'UND_ERR_INVALID_ARG');
}

/** Retried inside one downloadFile call (up to maxAttempts); everything else fails at once. */
export function isRetryable(error: StudioError): boolean {
  return error.kind === 'network' || error.kind === 'server' || error.kind === 'rate_limited';
}

export function httpStatusError(status: number, url: string, retryAfterMs?: number): StudioError {
  const detail = `GET ${redactUrl(url)} answered HTTP ${status}`;
  if (status === 403 || status === 404 || status === 410) {
    return new StudioError({ kind: 'expired', userMessage: EXPIRED_MESSAGE, detail, httpStatus: status });
  }
  if (status === 429) {
    // "Too many requests" is a request to wait, not a refusal: retried after Retry-After.
    return new StudioError({
      kind: 'rate_limited',
      userMessage: `The file server asked Wan Studio to slow down (HTTP 429). ${RESUME_HINT}`,
      detail,
      httpStatus: status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status >= 500) {
    return new StudioError({
      kind: 'server',
      userMessage: `The file server had a problem (HTTP ${status}). ${RESUME_HINT}`,
      detail,
      httpStatus: status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  return new StudioError({
    kind: 'protocol',
    userMessage: `The file server refused the download (HTTP ${status}).`,
    detail,
    httpStatus: status,
  });
}

export function truncatedError(received: number, expected: number): StudioError {
  return new StudioError({
    kind: 'network',
    userMessage: `The download was cut short. ${RESUME_HINT}`,
    detail: `body ended at ${received} of ${expected} bytes`,
  });
}

export function cancelledError(): StudioError {
  return new StudioError({ kind: 'cancelled', userMessage: `Download cancelled. ${RESUME_HINT}` });
}

/** Turns whatever undici, node:net or our code threw into the taxonomy. */
export function toDownloadError(error: unknown, url: string): StudioError {
  if (isStudioError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error) ?? 'unknown';
  if (isConnectionError(error)) {
    return new StudioError({
      kind: 'network',
      userMessage: `The download was interrupted by a network problem. ${RESUME_HINT}`,
      detail: `GET ${redactUrl(url)}: ${code} ${message}`,
      cause: error,
    });
  }
  return new StudioError({
    kind: 'protocol',
    userMessage: 'The download failed unexpectedly.',
    detail: `GET ${redactUrl(url)}: ${code} ${message}`,
    cause: error,
  });
}

/** Result links may be signed: keep the query string (the signature) out of the logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
  } catch {
    return '(invalid url)';
  }
}

/**
 * A result link (or a redirect from it) the link guard refused: nothing was sent there and
 * nothing was kept. `invalid_request` is final; asking the same link again cannot change it.
 */
export function refusedLinkError(refusal: LinkRefusedError): StudioError {
  const { url, hop, problem } = refusal;
  const link =
    hop === 'link' ? 'The result link' : `The result link redirects to ${url?.host ?? 'an address'}, which`;
  const detail = `refused result ${hop} (${problem}): ${url ? redactUrl(url.href) : refusal.raw.slice(0, 40)}`;
  if (problem === 'too_many_redirects') {
    return new StudioError({
      kind: 'protocol',
      userMessage: 'The result link redirects too many times.',
      detail: `${detail}: more than ${MAX_REDIRECTS} redirects`,
    });
  }
  const why =
    problem === 'credentials'
      ? `${link} contains a user name or password. Wan Studio does not download from such links.`
      : problem === 'private_address'
        ? `${hop === 'link' ? `The result link's host ${url?.hostname}` : link} is a private or local address (${refusal.address}). APIXO's results are on the public internet, so Wan Studio does not download from it.`
        : hop === 'link'
          ? 'The result link is not a web address (http or https); it cannot be downloaded.'
          : `${link} is not a web address (http or https); Wan Studio does not follow it.`;
  return new StudioError({ kind: 'invalid_request', userMessage: `${why} Nothing was downloaded.`, detail });
}

/** The whole body arrived but is not what was asked for (e.g. not an MP4); it was thrown away. */
export function rejectedBodyError(reason: unknown, bytes: number | null, url: string): StudioError {
  const what = isStudioError(reason) ? reason.userMessage.replace(/\.$/, '') : 'not the expected file';
  return new StudioError({
    kind: 'protocol',
    userMessage: `The file server did not send a playable video (${bytes === null ? '' : `${bytes} bytes; `}${what.charAt(0).toLowerCase()}${what.slice(1)}). It was discarded.`,
    detail: `GET ${redactUrl(url)}: body rejected: ${isStudioError(reason) ? reason.detail : String(reason)}`,
    cause: reason,
  });
}
