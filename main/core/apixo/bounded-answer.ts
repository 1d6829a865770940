// Reading an APIXO answer within limits, so a broken or hostile server can neither fill memory
// (a body that never ends) nor hold a request open forever (one byte every few seconds).
import type { Dispatcher } from 'undici';

/** Every documented answer is a small JSON envelope (a few KB); a megabyte is already absurd. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

export class AnswerTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`answer body exceeds ${limit} bytes`);
    this.name = 'AnswerTooLargeError';
  }
}

export class DeadlineExceededError extends Error {
  constructor(readonly deadlineMs: number) {
    super(`no complete answer within ${deadlineMs} ms`);
    this.name = 'DeadlineExceededError';
  }
}

/** The body as text; stops reading (and drops the connection) once it passes `limit` bytes. */
export async function readBoundedText(
  response: Dispatcher.ResponseData,
  limit: number = MAX_ANSWER_BYTES,
): Promise<string> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    response.body.destroy();
    throw new AnswerTooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  // Leaving the loop early destroys the body, which closes the connection.
  for await (const chunk of response.body) {
    total += (chunk as Buffer).length;
    if (total > limit) throw new AnswerTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/**
 * An abort signal that fires `deadlineMs` of real time from now (network time does not follow a
 * scaled test clock), combined with the caller's. `dispose` must run when the request is over.
 */
export function deadlineSignal(
  deadlineMs: number,
  caller?: AbortSignal,
): { signal: AbortSignal; expired: () => boolean; dispose: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineExceededError(deadlineMs)), deadlineMs);
  return {
    signal: caller ? AbortSignal.any([caller, controller.signal]) : controller.signal,
    expired: () => controller.signal.aborted,
    dispose: () => clearTimeout(timer),
  };
}
