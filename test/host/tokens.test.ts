// The control token (the whole studio) never leaves the host except in the body of a sign-in
// answer: not in argv (the browser launcher's, readable by anyone in `ps`), not on stdout, not in
// the logs. Links carry one-time codes. Media links carry a separate token that reads library files
// and nothing else. A real host process; the browser launcher is a stand-in that records its argv,
// since there is no desktop to open a browser on.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../helpers/cli-process';
import { leaksSecret, readAllFiles } from '../helpers/core-harness';
import {
  callOverSocket,
  codeOf,
  exchangeCode,
  type HostProcess,
  openSocket,
  rawExchange,
  startHostProcess,
  websocketHandshake,
} from '../helpers/host-process';

let dir = '';
let host: HostProcess;
let launcherArgv = '';
let token = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wan-host-tokens-'));
  const bin = join(dir, 'bin');
  await mkdir(bin);
  await mkdir(join(dir, 'library'));
  await writeFile(join(dir, 'library', 'clip.mp4'), Buffer.alloc(64, 1));
  const argvLog = join(dir, 'launcher-argv.txt');
  await writeFile(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" >> '${argvLog}'\n`);
  await chmod(join(bin, 'xdg-open'), 0o755);
  host = await startHostProcess(join(dir, 'data'), join(dir, 'library'), {
    args: ['--open'],
    env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
  await until(
    async () => (await readFile(argvLog, 'utf8').catch(() => '')).includes('\n'),
    20_000,
    'the launcher',
  );
  launcherArgv = await readFile(argvLog, 'utf8');
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('sign-in links', () => {
  it('the launcher and the terminal get different one-time codes, never the token', async () => {
    const opened = launcherArgv.trim();
    expect(opened).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#code=/);
    expect(host.printedUrl).toMatch(/#code=/);
    expect(codeOf(opened)).not.toBe(codeOf(host.printedUrl));

    // Only our own page may trade a code; a refused attempt does not use it up.
    const foreign = await fetch(`${host.origin}/session`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ code: codeOf(opened) }),
    });
    expect(foreign.status).toBe(403);

    const first = await exchangeCode(host.origin, codeOf(opened));
    expect(first.status).toBe(200);
    token = ((await first.json()) as { token: string }).token;
    expect(token.length).toBeGreaterThanOrEqual(32);
    // Single use: the link in the launcher's argv is worthless once the browser has used it.
    expect((await exchangeCode(host.origin, codeOf(opened))).status).toBe(403);
    const printed = await exchangeCode(host.origin, codeOf(host.printedUrl));
    expect(((await printed.json()) as { token: string }).token).toBe(token);
    expect((await exchangeCode(host.origin, 'not-a-code')).status).toBe(403);

    expect(leaksSecret(launcherArgv, token)).toBe(false);
    expect(leaksSecret(host.printedUrl, token)).toBe(false);
  });
});

describe('the media token', () => {
  it('reads library files and nothing else', async () => {
    const ws = await openSocket(host.origin, token);
    const info = await callOverSocket(ws, 'app.info');
    ws.close();
    const mediaBaseUrl = (info as { value: { mediaBaseUrl: string } }).value.mediaBaseUrl;
    const mediaToken = mediaBaseUrl.slice(`${host.origin}/media/`.length);
    expect(mediaToken.length).toBeGreaterThanOrEqual(32);
    expect(leaksSecret(mediaBaseUrl, token)).toBe(false);

    const clip = await fetch(`${mediaBaseUrl}/clip.mp4`);
    expect(clip.status).toBe(200);
    expect((await clip.arrayBuffer()).byteLength).toBe(64);

    // It cannot open the socket, nor be traded for the token, nor is the token a media token.
    await expect(openSocket(host.origin, mediaToken)).rejects.toThrow('HTTP 403');
    expect((await exchangeCode(host.origin, mediaToken)).status).toBe(403);
    expect((await fetch(`${host.origin}/media/${token}/clip.mp4`)).status).toBe(403);
    expect((await fetch(`${host.origin}/media/${mediaToken}`)).status).toBe(403);
  });
});

describe('what the host prints and logs', () => {
  it('holds no control token, also after errors', async () => {
    // Give the log something to say: a protocol error on the socket and refused requests.
    const handshake = websocketHandshake(host, token);
    await rawExchange(host.port, handshake, { afterHandshake: Buffer.from([0x83, 0x80, 0, 0, 0, 0]) });
    await fetch(`${host.origin}/media/${token}/missing.mp4`);
    await fetch(`${host.origin}/ws?token=${token}`);
    await host.stop();

    expect(host.output()).toContain('running at');
    expect(leaksSecret(host.output(), token)).toBe(false);
    const files = await readAllFiles(join(dir, 'data'));
    // The scan looked at a log that recorded the events above.
    expect(files.some((file) => file.bytes.toString('utf8').includes('broke the WebSocket protocol'))).toBe(
      true,
    );
    for (const file of files) expect(leaksSecret(file.bytes, token), file.path).toBe(false);
  });
});
