// The built browser host (dist/node/host.js) in a child process, and raw TCP clients to poke it
// with bytes no well-behaved HTTP or WebSocket library would send.
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Envelope } from '../../preload/contract';
import { decodeWire, encodeWire } from '../../preload/wire';
import { ensureCliBuilt, ROOT, until } from './cli-process';

export const HOST = join(ROOT, 'dist', 'node', 'host.js');

export interface HostProcess {
  child: ChildProcess;
  origin: string;
  port: number;
  /** The sign-in link the host printed. */
  printedUrl: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

export async function startHostProcess(
  dataDir: string,
  libraryDir: string,
  options: { args?: string[]; env?: Record<string, string> } = {},
): Promise<HostProcess> {
  ensureCliBuilt();
  let output = '';
  let exited = false;
  const child = spawn(
    process.execPath,
    [HOST, '--demo', '--data', dataDir, '--library', libraryDir, ...(options.args ?? [])],
    { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  await until(() => exited || /running at \S+/.test(output), 30_000, 'the host to start');
  const printedUrl = /running at (\S+)/.exec(output)?.[1];
  if (!printedUrl) throw new Error(`the host did not start:\n${output}`);
  const origin = new URL(printedUrl).origin;
  return {
    child,
    origin,
    port: Number(new URL(origin).port),
    printedUrl,
    output: () => output,
    alive: () => !exited,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}

/**
 * Writes `bytes` to a fresh TCP connection and collects what comes back until the server closes it
 * (or `waitMs` passes; `afterHandshake` is sent once the first reply has arrived).
 */
export function rawExchange(
  port: number,
  bytes: string | Buffer,
  options: { afterHandshake?: Buffer; waitMs?: number } = {},
): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let sentMore = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(finish, options.waitMs ?? 5_000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (options.afterHandshake && !sentMore) {
        sentMore = true;
        socket.write(options.afterHandshake);
      }
    });
    socket.on('close', finish);
    socket.on('error', finish);
  });
}

/** The status code of the first HTTP response in `reply`, or null when there is none. */
export function statusOf(reply: Buffer): number | null {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(reply.toString('latin1'));
  return match ? Number(match[1]) : null;
}

/** Trades a sign-in code for the control token, as the page does. */
export async function exchangeCode(origin: string, code: string): Promise<Response> {
  return fetch(`${origin}/session`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
}

export function codeOf(signInUrl: string): string {
  const code = /#code=([^&\s]+)/.exec(signInUrl)?.[1];
  if (!code) throw new Error(`no sign-in code in ${signInUrl}`);
  return code;
}

/** Opens the studio's WebSocket with `token`; rejects with the HTTP status when it is refused. */
export function openSocket(origin: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}`, {
      origin,
    });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    ws.once('error', reject);
  });
}

/** One contract call over an open socket. */
export function callOverSocket(
  ws: WebSocket,
  channel: string,
  argument?: unknown,
): Promise<Envelope<unknown>> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = decodeWire(data.toString()) as { id?: unknown; envelope?: Envelope<unknown> };
      if (message.id !== id || !message.envelope) return;
      ws.off('message', onMessage);
      resolve(message.envelope);
    };
    ws.on('message', onMessage);
    ws.send(encodeWire({ id, channel, argument }));
  });
}

/** A WebSocket opening handshake for /ws, written by hand so the frames after it can be anything. */
export function websocketHandshake(host: Pick<HostProcess, 'port' | 'origin'>, token: string): string {
  return (
    `GET /ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: ${host.origin}\r\n` +
    'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
  );
}
