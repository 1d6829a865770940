// Defensive parsing of APIXO answers. The docs disagree with each other (docs/APIXO.md, "Where the docs disagree"), so we
// accept every documented variant, tolerate unknown fields and states, and turn anything we cannot
// understand into a 'protocol' error rather than a crash.
import { z } from 'zod';
import { StudioError } from '../errors';
import { hasSafeLinkShape } from '../net/guarded-link';

const envelopeSchema = z.looseObject({
  code: z.coerce.number().int().optional(),
  message: z.string().optional().catch(undefined),
  data: z.unknown().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/**
 * Metadata a status answer may carry. An odd value (a date as text, a number where text was
 * meant) is read when it can be and dropped when not: it must never fail the answer around it,
 * which would leave a finished, paid video unfetched.
 */
const optionalTime = z
  .preprocess((value) => {
    if (value === null || value === '') return undefined;
    if (typeof value === 'string' && !/^\s*\d+(\.\d+)?\s*$/.test(value)) return Date.parse(value); // ISO 8601
    return value;
  }, z.coerce.number().finite().nonnegative().optional())
  .catch(undefined);
const optionalText = z
  .preprocess(
    (value) => (value === null ? undefined : typeof value === 'number' ? String(value) : value),
    z.string().optional(),
  )
  .catch(undefined);

const statusDataSchema = z.looseObject({
  taskId: z.string().min(1),
  state: z.string(),
  resultJson: z.unknown().optional(),
  failCode: optionalText,
  failMsg: optionalText,
  createTime: optionalTime,
  completeTime: optionalTime,
  costTime: optionalTime,
});

export type RemoteState = 'pending' | 'processing' | 'success' | 'failed' | 'unknown';

export interface TaskStatus {
  taskId: string;
  state: RemoteState;
  /** As the server spelled it, for the log when it is one we do not know. */
  rawState: string;
  resultUrls: string[];
  failCode: string | null;
  failMsg: string | null;
  createTime: number | null;
  completeTime: number | null;
  costTime: number | null;
}

function protocolError(detail: string, cause?: unknown): StudioError {
  return new StudioError({
    kind: 'protocol',
    userMessage: 'APIXO sent an answer Wan Studio could not understand. It will try again.',
    detail,
    cause,
  });
}

export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw protocolError(`Response is not JSON: ${JSON.stringify(text.slice(0, 200))}`, error);
  }
}

export function parseEnvelope(body: unknown): Envelope {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success)
    throw protocolError(`Response is not a {code, message, data} envelope: ${parsed.error.message}`);
  return parsed.data;
}

export function parseTaskId(envelope: Envelope): string {
  const data = envelope.data;
  const taskId =
    data && typeof data === 'object' && 'taskId' in data ? (data as { taskId: unknown }).taskId : undefined;
  if (typeof taskId !== 'string' || taskId.trim() === '' || taskId.length > 200) {
    throw protocolError(
      `Submit succeeded but carried no usable taskId: ${JSON.stringify(data)?.slice(0, 200)}`,
    );
  }
  return taskId.trim();
}

function normaliseState(raw: string): RemoteState {
  const state = raw.trim().toLowerCase();
  if (state === 'pending' || state === 'queued' || state === 'waiting') return 'pending';
  if (state === 'processing' || state === 'running' || state === 'generating') return 'processing';
  if (state === 'success' || state === 'succeeded' || state === 'completed') return 'success';
  if (state === 'failed' || state === 'fail' || state === 'error') return 'failed';
  return 'unknown';
}

/** `resultJson` is documented as a JSON *string*; accept an object too, reject anything else. */
export function parseResultUrls(resultJson: unknown): string[] {
  let value = resultJson;
  if (typeof resultJson === 'string') {
    try {
      value = JSON.parse(resultJson);
    } catch (error) {
      throw protocolError(`resultJson does not parse: ${JSON.stringify(resultJson.slice(0, 200))}`, error);
    }
  }
  const urls =
    value && typeof value === 'object' && 'resultUrls' in value
      ? (value as { resultUrls: unknown }).resultUrls
      : undefined;
  if (!Array.isArray(urls)) throw protocolError('resultJson has no resultUrls array');
  const links = urls.filter((url): url is string => typeof url === 'string' && url.trim() !== '');
  if (links.length === 0) throw protocolError('resultJson.resultUrls holds no link');
  // Judging a link is the download's job (the link guard), which fails the job with a clear
  // reason; a status answer carrying a bad link is still a final answer, not one to ask again.
  // Links of a safe shape go first, so one bad entry among good ones costs nothing.
  return [...links.filter(hasSafeLinkShape), ...links.filter((url) => !hasSafeLinkShape(url))];
}

export function parseTaskStatus(envelope: Envelope, expectedTaskId: string): TaskStatus {
  const parsed = statusDataSchema.safeParse(envelope.data);
  if (!parsed.success) throw protocolError(`Status data is malformed: ${parsed.error.message}`);
  const data = parsed.data;
  if (data.taskId !== expectedTaskId) {
    throw protocolError(`Status answer is for task ${data.taskId}, not ${expectedTaskId}`);
  }
  const state = normaliseState(data.state);
  return {
    taskId: data.taskId,
    state,
    rawState: data.state,
    resultUrls: state === 'success' ? parseResultUrls(data.resultJson) : [],
    failCode: data.failCode ?? null,
    failMsg: data.failMsg ?? null,
    createTime: data.createTime ?? null,
    completeTime: data.completeTime ?? null,
    costTime: data.costTime ?? null,
  };
}

export function parseBalance(envelope: Envelope): number {
  const parsed = z.coerce.number().finite().safeParse(envelope.data);
  if (!parsed.success || envelope.data === null || envelope.data === undefined) {
    throw protocolError(`Balance is not a number: ${JSON.stringify(envelope.data)?.slice(0, 100)}`);
  }
  return parsed.data;
}
