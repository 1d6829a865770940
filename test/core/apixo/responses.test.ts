// Every documented (and some undocumented) shape of an APIXO answer is understood; anything else
// becomes a 'protocol' error, never a crash.
import { describe, expect, it } from 'vitest';
import { classifyHttpError, parseRetryAfter } from '../../../main/core/apixo/classify';
import {
  parseBalance,
  parseEnvelope,
  parseJsonBody,
  parseTaskId,
  parseTaskStatus,
} from '../../../main/core/apixo/responses';
import { StudioError } from '../../../main/core/errors';

const envelope = (data: unknown, extra: Record<string, unknown> = {}) =>
  parseEnvelope({ code: 200, message: 'success', data, ...extra });

describe('status answers', () => {
  it('reads the documented success example, resultJson as a JSON string', () => {
    const status = parseTaskStatus(
      envelope({
        taskId: 't1',
        state: 'success',
        resultJson: '{"resultUrls":["https://r2.apixo.ai/video.mp4"]}',
        createTime: 1767965610929,
        completeTime: 1767965652317,
        costTime: 41388,
      }),
      't1',
    );
    expect(status).toMatchObject({
      state: 'success',
      resultUrls: ['https://r2.apixo.ai/video.mp4'],
      costTime: 41388,
    });
  });

  it.each([
    ['resultJson as an object', { resultJson: { resultUrls: ['https://cdn.apixo.ai/a.mp4'] } }, 'success'],
    [
      'numbers as strings and nulls',
      { resultJson: '{"resultUrls":["https://x/a.mp4"]}', costTime: '5000', createTime: null },
      'success',
    ],
    [
      'extra unknown fields',
      { resultJson: '{"resultUrls":["https://x/a.mp4"],"extra":1}', newField: { a: 1 } },
      'success',
    ],
  ])('tolerates %s', (_name, fields, state) => {
    expect(parseTaskStatus(envelope({ taskId: 't1', state: 'success', ...fields }), 't1').state).toBe(state);
  });

  it('reads odd metadata where it can and drops it where not, never failing the answer', () => {
    const status = parseTaskStatus(
      envelope({
        taskId: 't1',
        state: 'success',
        resultJson: '{"resultUrls":["https://x/a.mp4"]}',
        createTime: '2026-12-01T09:00:00Z',
        completeTime: 'soon',
        costTime: -5,
        failCode: 500,
        failMsg: { text: 'not text' },
      }),
      't1',
    );
    expect(status).toMatchObject({
      state: 'success',
      resultUrls: ['https://x/a.mp4'],
      createTime: Date.parse('2026-12-01T09:00:00Z'),
      completeTime: null,
      costTime: null,
      failCode: '500',
      failMsg: null,
    });
  });

  it.each([
    ['pending', 'pending'],
    ['PROCESSING', 'processing'],
    ['queued', 'pending'],
    ['paused-by-provider', 'unknown'],
  ])('maps state %s to %s', (raw, expected) => {
    expect(parseTaskStatus(envelope({ taskId: 't', state: raw }), 't').state).toBe(expected);
  });

  it('keeps failCode and failMsg of a failed task', () => {
    const status = parseTaskStatus(
      envelope({
        taskId: 't',
        state: 'failed',
        failCode: 'CONTENT_VIOLATION',
        failMsg: 'Content does not meet safety guidelines',
      }),
      't',
    );
    expect(status).toMatchObject({
      failCode: 'CONTENT_VIOLATION',
      failMsg: 'Content does not meet safety guidelines',
    });
  });

  it.each([
    ['a resultJson that does not parse', { state: 'success', resultJson: '{"resultUrls":[' }],
    ['no resultUrls', { state: 'success', resultJson: '{}' }],
    ['resultUrls without a single link', { state: 'success', resultJson: '{"resultUrls":[42,"",null]}' }],
    ['a missing state', {}],
  ])('refuses %s as a protocol error', (_name, fields) => {
    expect(() => parseTaskStatus(envelope({ taskId: 't', ...fields }), 't')).toThrow(
      expect.objectContaining({ kind: 'protocol' }),
    );
  });

  // A bad link is a final answer: the download's link guard refuses it and fails the job with the
  // reason (test/core/jobs/hostile-results.test.ts). Refused here, it was polled again forever.
  it('keeps result links the download will refuse, safe-shaped ones first', () => {
    const success = (urls: unknown[]) =>
      parseTaskStatus(
        envelope({ taskId: 't', state: 'success', resultJson: JSON.stringify({ resultUrls: urls }) }),
        't',
      ).resultUrls;
    expect(success(['file:///etc/passwd', 'javascript:alert(1)'])).toEqual([
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]);
    expect(success(['ftp://e.com/a.mp4', 'http://u:p@e.com/a.mp4', 'https://cdn.apixo.ai/a.mp4'])).toEqual([
      'https://cdn.apixo.ai/a.mp4',
      'ftp://e.com/a.mp4',
      'http://u:p@e.com/a.mp4',
    ]);
  });

  it('refuses an answer about another task', () => {
    expect(() => parseTaskStatus(envelope({ taskId: 'other', state: 'pending' }), 't')).toThrow(
      expect.objectContaining({ detail: expect.stringMatching(/not t$/) }),
    );
  });
});

describe('other answers', () => {
  it('parses the taskId and refuses an empty one', () => {
    expect(parseTaskId(envelope({ taskId: 'task_12345678' }))).toBe('task_12345678');
    expect(() => parseTaskId(envelope({ taskId: '' }))).toThrow(StudioError);
    expect(() => parseTaskId(envelope(null))).toThrow(
      expect.objectContaining({ detail: expect.stringMatching(/no usable taskId/) }),
    );
  });

  it('reads the balance as a number', () => {
    expect(parseBalance(envelope(74.87))).toBe(74.87);
    expect(parseBalance(envelope('12.5'))).toBe(12.5);
    expect(() => parseBalance(envelope(null))).toThrow(
      expect.objectContaining({ detail: expect.stringMatching(/not a number/) }),
    );
  });

  it('turns non-JSON into a protocol error', () => {
    expect(() => parseJsonBody('<html>502 Bad Gateway</html>')).toThrow(
      expect.objectContaining({ kind: 'protocol' }),
    );
    expect(() => parseEnvelope([1, 2])).toThrow(expect.objectContaining({ kind: 'protocol' }));
  });
});

describe('error taxonomy', () => {
  const classify = (status: number, message: string, data: unknown = null) =>
    classifyHttpError(
      status,
      parseEnvelope({ code: status, message, data }),
      undefined,
      'POST /generateTask/wan-2-5',
    );

  it.each([
    [401, 'Invalid or missing API key', 'invalid_key', true],
    [403, 'API key lacks permission', 'invalid_key', true],
    [403, 'Content violates policy', 'task_failed', true],
    [400, 'Insufficient credits', 'insufficient_credits', true],
    [402, 'Insufficient balance', 'insufficient_credits', true],
    [429, 'Rate limit exceeded', 'rate_limited', true],
    [404, 'Task not found', 'not_found', true],
    [400, 'Invalid request', 'invalid_request', true],
    [500, 'Internal server error', 'server', false],
    [503, 'Model temporarily unavailable', 'server', false],
  ])('HTTP %i "%s" → %s (created nothing: %s)', (status, message, kind, createdNothing) => {
    const error = classify(status, message);
    expect(error.kind).toBe(kind);
    expect(error.createdNothing).toBe(createdNothing);
    expect(error.userMessage.length).toBeGreaterThan(10);
    expect(error.detail).toContain(String(status));
  });

  it('shows the server message of a 400, including data.error', () => {
    const error = classify(400, 'Invalid request', { error: 'Missing required field: input.prompt' });
    expect(error.userMessage).toContain('Missing required field: input.prompt');
  });

  it('reads Retry-After as seconds or a date, capped', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10_000);
    expect(parseRetryAfter('99999', 0)).toBe(600_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});
