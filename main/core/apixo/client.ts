// The APIXO HTTP client for wan-2-5: submit, status and balance. Every request passes the shared
// rate limiter, carries the key only in the Authorization header, reads at most MAX_ANSWER_BYTES
// within an overall deadline (bounded-answer.ts), and comes back either as parsed
// data or as one StudioError (see classify.ts). It never retries a submit itself: whether a paid
// request may be sent again is the job engine's decision, made from `createdNothing`. It sends the
// key only to a KeyDestination (key-destination.ts), the one place that decides where it may go.
import type { Dispatcher } from 'undici';
import { type GenerationParams, MODEL_ID, modelOf } from '../../../shared/domain/params';
import type { Clock } from '../clock';
import { StudioError } from '../errors';
import { loadUndici } from '../net/undici-lazy';
import { AnswerTooLargeError, deadlineSignal, MAX_ANSWER_BYTES, readBoundedText } from './bounded-answer';
import { classifyBrokenAnswer, classifyHttpError, classifyNetworkError, parseRetryAfter } from './classify';
import { KeyDestination } from './key-destination';
import type { RateLimiter } from './rate-limiter';
import { type SubmitOptions, toApixoBody } from './request-body';
import {
  type Envelope,
  parseBalance,
  parseEnvelope,
  parseJsonBody,
  parseTaskId,
  parseTaskStatus,
  type TaskStatus,
} from './responses';

export interface ApixoClientOptions {
  /** Fixed for the client's life: a setting can never move the key elsewhere. */
  destination: KeyDestination;
  /** Asked before every request, so a key change applies at once. Null → 'invalid_key'. */
  getApiKey: () => Promise<string | null>;
  limiter: RateLimiter;
  clock: Clock;
  dispatcher?: Dispatcher;
  /** Idle limit: no headers, or no body bytes, for this long. Default 30 s. */
  timeoutMs?: number;
  /** Real time allowed for the whole request, headers and body together. Default 2 × timeoutMs. */
  deadlineMs?: number;
  userAgent?: string;
}

interface RawAnswer {
  status: number;
  envelope: Envelope;
}

export class ApixoClient {
  private readonly options: ApixoClientOptions;

  constructor(options: ApixoClientOptions) {
    // Not only a type: a look-alike object (a cast, a parsed setting) cannot stand in for the rule.
    if (!(options.destination instanceof KeyDestination)) {
      throw new TypeError('ApixoClient needs a KeyDestination (main/core/apixo/key-destination.ts)');
    }
    this.options = options;
  }

  get baseUrl(): string {
    return this.options.destination.baseUrl;
  }

  /** POST generateTask. Throws StudioError; `createdNothing` tells whether resending is safe. */
  async submit(
    params: GenerationParams,
    submitOptions: SubmitOptions,
    signal?: AbortSignal,
  ): Promise<string> {
    if (submitOptions.requestType === 'callback' && !isHttpsUrl(submitOptions.callbackUrl)) {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: 'Callback mode needs a public https:// URL (Settings → Delivery).',
        createdNothing: true,
      });
    }
    const answer = await this.send(
      'POST',
      `/generateTask/${modelOf(params)}`,
      toApixoBody(params, submitOptions),
      signal,
    );
    return parseTaskId(answer.envelope);
  }

  /** GET statusTask under the model the task was submitted with (stored with the generation). */
  async status(taskId: string, signal?: AbortSignal, model: string = MODEL_ID): Promise<TaskStatus> {
    const answer = await this.send(
      'GET',
      `/statusTask/${encodeURIComponent(model)}?taskId=${encodeURIComponent(taskId)}`,
      undefined,
      signal,
    );
    return parseTaskStatus(answer.envelope, taskId);
  }

  /** Remaining balance in USD for the current key. */
  async balance(signal?: AbortSignal): Promise<number> {
    const answer = await this.send('GET', '/apikeys/current-balance', undefined, signal);
    return parseBalance(answer.envelope);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<RawAnswer> {
    const what = `${method} ${path.split('?')[0]}`;
    const url = this.options.destination.urlFor(path);
    const apiKey = await this.options.getApiKey();
    if (!apiKey) {
      throw new StudioError({
        kind: 'invalid_key',
        userMessage: 'No APIXO API key is set — add one in Settings.',
        detail: `${what}: no key`,
        createdNothing: true,
        reasonCode: 'no_key',
      });
    }
    await this.options.limiter.acquire(signal);
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    // Every request, submit included, ends by this deadline: a server dripping bytes would
    // otherwise keep it open forever, since the idle timeouts never fire.
    const deadlineMs = this.options.deadlineMs ?? 2 * timeoutMs;
    const deadline = deadlineSignal(deadlineMs, signal);
    let status: number;
    let text: string;
    let retryAfterMs: number | undefined;
    try {
      const { request } = await loadUndici();
      const response = await request(url, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: 'application/json',
          'user-agent': this.options.userAgent ?? 'WanStudio',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: deadline.signal,
        dispatcher: this.options.dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = response.statusCode;
      retryAfterMs = parseRetryAfter(response.headers['retry-after'], this.options.clock.now());
      text = await readBoundedText(response, MAX_ANSWER_BYTES);
    } catch (error) {
      if (signal?.aborted) {
        throw new StudioError({ kind: 'cancelled', userMessage: 'Cancelled.', detail: what, cause: error });
      }
      if (error instanceof AnswerTooLargeError) {
        throw classifyBrokenAnswer({ tooLargeBytes: error.limit }, what, error);
      }
      if (deadline.expired()) throw classifyBrokenAnswer({ deadlineMs }, what, error);
      throw classifyNetworkError(error, what);
    } finally {
      deadline.dispose();
    }
    return this.interpret(status, text, retryAfterMs, what);
  }

  private interpret(status: number, text: string, retryAfterMs: number | undefined, what: string): RawAnswer {
    let envelope: Envelope | undefined;
    let parseError: unknown;
    try {
      envelope = parseEnvelope(parseJsonBody(text));
    } catch (error) {
      parseError = error;
    }
    // Trust the envelope's code when it reports an error inside a 200 (docs say they are equal).
    const effective =
      status === 200 && envelope?.code !== undefined && envelope.code !== 200 ? envelope.code : status;
    if (effective === 429) this.options.limiter.onRateLimited(retryAfterMs);
    else this.options.limiter.onSuccess();
    if (effective < 200 || effective >= 300) {
      throw classifyHttpError(effective, envelope, retryAfterMs, what);
    }
    if (!envelope) throw parseError;
    return { status: effective, envelope };
  }
}

function isHttpsUrl(value: string | undefined): boolean {
  if (!value) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
