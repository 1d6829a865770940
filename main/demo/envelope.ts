// APIXO answers every API call with {code, message, data}, where code repeats the HTTP status.
import type { ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  body: Envelope;
  headers?: Record<string, string>;
}

export interface Envelope {
  code: number;
  message: string;
  data: unknown;
}

export function reply(status: number, message: string, data: unknown = null): Reply {
  return { status, body: { code: status, message, data } };
}

export const ok = (data: unknown): Reply => reply(200, 'success', data);

/** The documented 400 shape: a generic message, the specific problem in data.error. */
export const invalidRequest = (error: string): Reply => reply(400, 'Invalid request', { error });

export const replies = {
  unauthorized: () => reply(401, 'Invalid or missing API key'),
  rateLimited: () => reply(429, 'Rate limit exceeded'),
  serverError: () => reply(500, 'Internal server error'),
  unavailable: () => reply(503, 'Service temporarily unavailable'),
  notFound: (what = 'Not found') => reply(404, what),
};

export function serialize(body: Envelope): Buffer {
  return Buffer.from(JSON.stringify(body));
}

export function sendReply(res: ServerResponse, answer: Reply): void {
  if (res.destroyed || res.headersSent) return;
  const bytes = serialize(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(bytes.length),
    ...answer.headers,
  });
  res.end(bytes);
}
