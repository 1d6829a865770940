// Connection-level failures (DNS, refused, timeout, TLS) named the way a person can act on them.
// Used for reference-image links and for the image-hosting endpoint: both need to say exactly
// which of these went wrong, not "fetch failed".

export type NetworkFailure = 'dns' | 'refused' | 'timeout' | 'tls' | 'unreachable' | 'reset' | 'other';

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const REFUSED = new Set(['ECONNREFUSED']);
const TIMEOUT = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'TimeoutError',
  'RequestTimeout',
]);
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function isTlsCode(code: string): boolean {
  return (
    code === 'EPROTO' ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('CERT_') ||
    code.includes('SELF_SIGNED') ||
    code.startsWith('UNABLE_TO_')
  );
}

/** Every `code` (or timeout-ish `name`) along an error's cause chain, outermost first. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const record = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    if (typeof record.name === 'string' && TIMEOUT.has(record.name)) codes.push(record.name);
    current = record.cause;
  }
  return codes;
}

export function classifyNetworkError(error: unknown): { failure: NetworkFailure; code: string | null } {
  for (const code of codesOf(error)) {
    if (DNS.has(code)) return { failure: 'dns', code };
    if (REFUSED.has(code)) return { failure: 'refused', code };
    if (TIMEOUT.has(code)) return { failure: 'timeout', code };
    if (isTlsCode(code)) return { failure: 'tls', code };
    if (UNREACHABLE.has(code)) return { failure: 'unreachable', code };
    if (RESET.has(code)) return { failure: 'reset', code };
  }
  return { failure: 'other', code: codesOf(error)[0] ?? null };
}

/** One sentence about a connection failure to `where` (a host or host:port). */
export function describeNetworkFailure(failure: NetworkFailure, where: string, error: unknown): string {
  switch (failure) {
    case 'dns':
      return `The host name "${where}" could not be found (DNS). Check the spelling.`;
    case 'refused':
      return `Nothing is listening at ${where} (connection refused). Check the address and port.`;
    case 'timeout':
      return `${where} did not answer in time.`;
    case 'tls':
      return `The secure (TLS) connection to ${where} failed: ${tlsDetail(error)}. Check http:// versus https:// and the server's certificate.`;
    case 'unreachable':
      return `${where} cannot be reached from this computer (no route to it).`;
    case 'reset':
      return `${where} closed the connection unexpectedly.`;
    default:
      return `Could not connect to ${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function tlsDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/wrong version number|packet length too long|http request/i.test(message)) {
    return 'the server does not speak TLS there (an http:// server?)';
  }
  if (/self[- ]signed/i.test(message)) return 'its certificate is self-signed';
  if (/expired/i.test(message)) return 'its certificate has expired';
  if (/altname|hostname/i.test(message)) return 'its certificate is for another host name';
  return message.split('\n')[0] ?? message;
}
