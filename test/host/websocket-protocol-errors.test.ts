// A client that breaks the WebSocket protocol loses its own socket, closed with the code that says
// why, and the host (a real process) serves everyone else on: a new socket still answers app.info
// and the page still loads.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callOverSocket,
  codeOf,
  exchangeCode,
  type HostProcess,
  openSocket,
  rawExchange,
  startHostProcess,
  statusOf,
  websocketHandshake,
} from '../helpers/host-process';

let dir = '';
let host: HostProcess;
let token = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-host-ws-'));
  host = await startHostProcess(join(dir, 'data'), join(dir, 'library'));
  const answer = await exchangeCode(host.origin, codeOf(host.printedUrl));
  token = ((await answer.json()) as { token: string }).token;
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A client frame: FIN + `firstByte` bits, masked with a zero key so the payload goes as is. */
function maskedFrame(firstByte: number, payload: Buffer, claimedLength?: bigint): Buffer {
  const mask = Buffer.alloc(4);
  if (claimedLength !== undefined) {
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(claimedLength);
    return Buffer.concat([Buffer.from([firstByte, 0x80 | 127]), length, mask, payload]);
  }
  return Buffer.concat([Buffer.from([firstByte, 0x80 | payload.length]), mask, payload]);
}

/** Opens a socket by hand, sends `frame`, and returns the close code the host answered with. */
async function closeCodeFor(frame: Buffer): Promise<number | null> {
  const handshake = websocketHandshake(host, token);
  const reply = await rawExchange(host.port, handshake, { afterHandshake: frame });
  expect(statusOf(reply)).toBe(101);
  const frames = reply.subarray(reply.indexOf('\r\n\r\n') + 4);
  // The server's close frame: 0x88, a short length, then the 2-byte code.
  const at = frames.indexOf(0x88);
  return at >= 0 && frames.length >= at + 4 ? frames.readUInt16BE(at + 2) : null;
}

async function stillServes(): Promise<void> {
  expect(host.alive()).toBe(true);
  const ws = await openSocket(host.origin, token);
  const info = await callOverSocket(ws, 'app.info');
  ws.close();
  expect(info).toMatchObject({ ok: true, value: { host: 'browser' } });
  const page = await fetch(host.origin);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
}

describe('WebSocket protocol errors close only that socket', () => {
  it('a frame larger than the limit: 1009', async () => {
    // Only the header: the host refuses on the declared length, before any payload arrives.
    expect(await closeCodeFor(maskedFrame(0x82, Buffer.alloc(0), 2n ** 32n))).toBe(1009);
    await stillServes();
  });

  it('text that is not UTF-8: 1007', async () => {
    expect(await closeCodeFor(maskedFrame(0x81, Buffer.from([0xff, 0xfe, 0xfd])))).toBe(1007);
    await stillServes();
  });

  it('an unknown opcode or a reserved bit: 1002', async () => {
    expect(await closeCodeFor(maskedFrame(0x83, Buffer.alloc(0)))).toBe(1002);
    expect(await closeCodeFor(maskedFrame(0x80 | 0x20 | 0x01, Buffer.from('{}')))).toBe(1002);
    await stillServes();
  });
});
