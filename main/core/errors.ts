// One error taxonomy for everything that can go wrong talking to APIXO or the disk. Each error has
// a message fit for the user and a detail for the log. Neither ever contains the API key.
export const ERROR_KINDS = [
  'invalid_key',
  'insufficient_credits',
  'rate_limited',
  'invalid_request',
  'server',
  'network',
  'protocol',
  'task_failed',
  'not_found',
  'expired',
  'storage',
  'cancelled',
  /** A reference image (file, link or data) that cannot be used, and why. */
  'invalid_image',
  /** Image hosting (the user's S3-compatible bucket) is missing, misconfigured or failing. */
  'hosting',
  /** The library folder or its database is not where the settings say (an unmounted drive, a moved folder). */
  'library_missing',
  /** The library database is damaged or not a database at all (also: a zero-length file). */
  'library_corrupt',
  /** The library folder or database cannot be written (permissions, a read-only disk). */
  'read_only',
  /** The disk holding the library is full. */
  'disk_full',
  /** The UI named something this host does not let it touch (a path no dialog or drop gave it). */
  'forbidden',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export class StudioError extends Error {
  readonly kind: ErrorKind;
  /** Shown to the user: what happened and what to do. */
  readonly userMessage: string;
  /** For logs: technical detail (status, code, server message). Never contains secrets. */
  readonly detail: string;
  readonly httpStatus: number | undefined;
  readonly failCode: string | undefined;
  /** Milliseconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  /** True when the request provably created nothing remotely (safe to resend a paid submit). */
  readonly createdNothing: boolean;

  constructor(init: {
    kind: ErrorKind;
    userMessage: string;
    detail?: string;
    httpStatus?: number;
    failCode?: string;
    retryAfterMs?: number;
    createdNothing?: boolean;
    cause?: unknown;
  }) {
    super(init.userMessage, { cause: init.cause });
    this.name = 'StudioError';
    this.kind = init.kind;
    this.userMessage = init.userMessage;
    this.detail = init.detail ?? init.userMessage;
    this.httpStatus = init.httpStatus;
    this.failCode = init.failCode;
    this.retryAfterMs = init.retryAfterMs;
    this.createdNothing = init.createdNothing ?? false;
  }
}

export function isStudioError(error: unknown): error is StudioError {
  return error instanceof StudioError;
}
