// Plain HTTP calls against a running simulator, as any client would make them (no app code), and
// small local servers the simulator talks to (image hosting, callback receivers).
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { Simulator } from '../../main/demo/simulator';

export const KEY = 'test-key';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed body, or null when it is not JSON. */
  json: unknown;
}

/** `data` of an envelope answer, as an object (throws when it is not one). */
export function dataOf(answer: Answer): Record<string, unknown> {
  const data = (answer.json as { data?: unknown } | null)?.data;
  if (typeof data !== 'object' || data === null) throw new Error(`no data object in: ${answer.text}`);
  return data as Record<string, unknown>;
}

async function call(
  url: string,
  init: { method?: 'GET' | 'POST' | 'HEAD'; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const response = await request(url, {
    method: init.method ?? 'GET',
    headers: init.headers,
    body: init.body,
  });
  const text = await response.body.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}

export function textToVideo(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    request_type: 'async',
    provider: 'auto',
    input: {
      mode: 'text-to-video',
      prompt: 'a cinematic shot of clouds drifting over a quiet mountain lake',
      resolution: '720p',
      duration: 5,
      aspect_ratio: '16:9',
      ...overrides,
    },
  };
}

export function submit(
  sim: Simulator,
  body: unknown,
  key: string | null = KEY,
  model = 'wan-2-5',
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  return call(`${sim.url}/api/v1/generateTask/${model}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function submitOk(sim: Simulator, body: unknown = textToVideo(), key = KEY): Promise<string> {
  const answer = await submit(sim, body, key);
  if (answer.status !== 200) throw new Error(`submit failed: ${answer.status} ${answer.text}`);
  return String(dataOf(answer).taskId);
}

export function status(
  sim: Simulator,
  taskId: string,
  key: string | null = KEY,
  model = 'wan-2-5',
): Promise<Answer> {
  return call(`${sim.url}/api/v1/statusTask/${model}?taskId=${encodeURIComponent(taskId)}`, {
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
}

export function balance(sim: Simulator, key = KEY): Promise<Answer> {
  return call(`${sim.url}/api/v1/apikeys/current-balance`, { headers: { authorization: `Bearer ${key}` } });
}

export function get(url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') {
  return call(url, { method, headers });
}

/** Raw bytes of a GET, for result downloads. */
export async function download(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Answer['headers']; bytes: Buffer }> {
  const response = await request(url, { headers });
  const bytes = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, bytes };
}

export function resultUrlOf(answer: Answer): string {
  return (JSON.parse(String(dataOf(answer).resultJson)) as { resultUrls: string[] }).resultUrls[0] ?? '';
}

export interface LocalServer {
  url: string;
  requests: { method: string; path: string; body: string }[];
  close(): Promise<void>;
}

/** A loopback HTTP server whose answers the test decides, request by request. */
export async function startLocalServer(
  handle: (req: IncomingMessage, res: ServerResponse, body: string, index: number) => void,
): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const index = requests.length;
    requests.push({ method: req.method ?? '', path: req.url ?? '', body });
    handle(req, res, body, index);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `predicate` in real time (for work the simulator does over real sockets). */
export async function until(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
