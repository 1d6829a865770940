// One error taxonomy for everything that can go wrong talking to APIXO or the disk. Each error has
// a message fit for the user and a detail for the log. Neither ever contains the API key.
import { ERROR_KINDS, type ErrorKind } from '../../shared/domain/error-kinds';
import type { ErrorReason, ReasonParams } from '../../shared/domain/error-reasons';

export { ERROR_KINDS, type ErrorKind, type ErrorReason, type ReasonParams };

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
  /** A code the UI translates instead of showing userMessage (which stays English). */
  readonly reasonCode: ErrorReason | undefined;
  readonly reasonParams: ReasonParams | undefined;

  constructor(init: {
    kind: ErrorKind;
    userMessage: string;
    detail?: string;
    httpStatus?: number;
    failCode?: string;
    retryAfterMs?: number;
    createdNothing?: boolean;
    reasonCode?: ErrorReason;
    reasonParams?: ReasonParams;
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
    this.reasonCode = init.reasonCode;
    this.reasonParams = init.reasonParams;
  }
}

export function isStudioError(error: unknown): error is StudioError {
  return error instanceof StudioError;
}
