// Turns an APIXO answer or a transport failure into the one error taxonomy (main/core/errors.ts).
// The money-safety rule lives here: `createdNothing` is true only when the request provably did not
// create a task (it never connected, or the server answered with a 4xx / 429), so only those
// submits may be retried without asking the user.
import { StudioError } from '../errors';
import type { Envelope } from './responses';

const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EADDRNOTAVAIL',
]);

export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A transport-level failure: no HTTP answer at all. */
export function classifyNetworkError(error: unknown, what: string): StudioError {
  const code = errorCode(error) ?? 'UNKNOWN';
  const neverConnected = CONNECT_FAILURES.has(code);
  const timedOut = code.includes('TIMEOUT');
  return new StudioError({
    kind: 'network',
    userMessage: neverConnected
      ? 'Cannot reach APIXO — you may be offline. Wan Studio will keep trying.'
      : timedOut
        ? 'APIXO did not answer in time. Wan Studio will keep trying.'
        : 'The connection to APIXO broke off. Wan Studio will keep trying.',
    detail: `${what}: ${code} ${error instanceof Error ? error.message : String(error)}`,
    createdNothing: neverConnected,
    cause: error,
  });
}

/**
 * An answer that arrived too slowly (past the overall deadline) or too big to read. The request
 * reached APIXO, so whatever it asked for may have happened: never `createdNothing`, which makes
 * a submit `uncertain` instead of being sent (and paid for) again.
 */
export function classifyBrokenAnswer(
  problem: { tooLargeBytes: number } | { deadlineMs: number },
  what: string,
  cause: unknown,
): StudioError {
  if ('tooLargeBytes' in problem) {
    return new StudioError({
      kind: 'protocol',
      userMessage: `APIXO sent an answer larger than ${Math.round(problem.tooLargeBytes / (1024 * 1024))} MB, so Wan Studio stopped reading it.`,
      detail: `${what}: answer body over ${problem.tooLargeBytes} bytes, reading aborted`,
      createdNothing: false,
      cause,
    });
  }
  return new StudioError({
    kind: 'network',
    userMessage: 'APIXO did not answer in time. Wan Studio will keep trying.',
    detail: `${what}: no complete answer within ${problem.deadlineMs} ms (overall deadline)`,
    createdNothing: false,
    cause,
  });
}

/** Retry-After as seconds or an HTTP date; undefined when absent or nonsense. */
export function parseRetryAfter(header: string | string[] | undefined, now: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 10 * 60_000);
  const date = Date.parse(value);
  if (Number.isFinite(date)) return Math.max(0, Math.min(date - now, 10 * 60_000));
  return undefined;
}

function serverMessage(envelope: Envelope | undefined): string {
  if (!envelope) return '';
  const data = envelope.data;
  const inner =
    data &&
    typeof data === 'object' &&
    'error' in data &&
    typeof (data as { error: unknown }).error === 'string'
      ? (data as { error: string }).error
      : '';
  return [envelope.message, inner].filter(Boolean).join(': ');
}

/**
 * An HTTP answer that is not a success. `status` is the effective code: the envelope's `code` when
 * it disagrees with a 200 transport status (the docs say they match; we do not rely on it).
 */
export function classifyHttpError(
  status: number,
  envelope: Envelope | undefined,
  retryAfterMs: number | undefined,
  what: string,
): StudioError {
  const message = serverMessage(envelope);
  const detail = `${what}: HTTP ${status}${message ? ` — ${message}` : ''}`;
  const lower = message.toLowerCase();
  if (status === 402 || /insufficient (credit|balance)|no credits/.test(lower)) {
    return new StudioError({
      kind: 'insufficient_credits',
      userMessage: 'Insufficient credits — top up your APIXO balance.',
      detail,
      httpStatus: status,
      createdNothing: true,
    });
  }
  if (status === 401 || (status === 403 && !/content|policy|violat/.test(lower))) {
    return new StudioError({
      kind: 'invalid_key',
      userMessage: 'Invalid API key — check or replace it in Settings.',
      detail,
      httpStatus: status,
      createdNothing: true,
    });
  }
  if (status === 403) {
    return new StudioError({
      kind: 'task_failed',
      userMessage: `APIXO refused the content: ${message || 'it violates the usage policy'}. Rephrase the prompt.`,
      detail,
      httpStatus: status,
      failCode: 'CONTENT_VIOLATION',
      createdNothing: true,
    });
  }
  if (status === 429) {
    return new StudioError({
      kind: 'rate_limited',
      userMessage: 'APIXO is rate limiting requests. Wan Studio slows down and retries by itself.',
      detail,
      httpStatus: status,
      retryAfterMs,
      createdNothing: true,
    });
  }
  if (status === 404) {
    return new StudioError({
      kind: 'not_found',
      userMessage: 'APIXO does not know this task (or model).',
      detail,
      httpStatus: status,
      createdNothing: true,
    });
  }
  if (status >= 400 && status < 500) {
    return new StudioError({
      kind: 'invalid_request',
      userMessage: `APIXO rejected the request: ${message || `HTTP ${status}`}`,
      detail,
      httpStatus: status,
      createdNothing: true,
    });
  }
  return new StudioError({
    kind: 'server',
    userMessage: `APIXO had a server error (HTTP ${status}). Wan Studio will try again.`,
    detail,
    httpStatus: status,
    retryAfterMs,
    createdNothing: false,
  });
}
