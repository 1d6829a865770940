// Result links come from APIXO's answer, so they are checked like reference-image links before a
// byte is fetched: http(s) only, no credentials, no private target for the real API, every
// redirect too, and the name checked again at connect time. A body that is not an MP4 never
// becomes the video. Real file servers on loopback; 127.0.0.1 plays "the public internet" through
// an injected policy where a redirect to a genuinely local address must be refused.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadFile } from '../../../main/core/downloads/download-file';
import { isStudioError, type StudioError } from '../../../main/core/errors';
import { probeMp4 } from '../../../main/core/media/mp4-probe';
import { type AddressPolicy, anyAddress, publicInternetOnly } from '../../../main/core/net/address-policy';
import { type FileServer, startFileServer } from './file-server';

const loopbackIsPublic: AddressPolicy = (address) => address === '127.0.0.1' || publicInternetOnly(address);
const clip = readFileSync(join(__dirname, '../../../main/demo/media/clip-16x9.mp4'));
const verifyMp4 = async (path: string) => void (await probeMp4(path));

let dir: string;
let server: FileServer | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-links-'));
});
afterEach(async () => {
  await server?.close();
  server = null;
  await rm(dir, { recursive: true, force: true });
});

async function refusal(url: string, policy: AddressPolicy): Promise<StudioError> {
  const outcome = await downloadFile({
    url,
    policy,
    verify: verifyMp4,
    partPath: join(dir, 'lib', 'clip.mp4.part'),
    finalPath: join(dir, 'lib', 'clip.mp4'),
    maxAttempts: 1,
  }).then(
    () => new Error(`expected ${url} to be refused`),
    (error: unknown) => error,
  );
  if (!isStudioError(outcome)) throw outcome;
  // Nothing downloaded, nothing left behind.
  const left = existsSync(join(dir, 'lib')) ? await readdir(join(dir, 'lib')) : [];
  expect(left, 'files left in the library folder').toEqual([]);
  return outcome;
}

async function serveClip(content: Buffer = clip): Promise<FileServer> {
  server = await startFileServer(content);
  return server;
}

describe('result links refused before anything is fetched', () => {
  it.each([
    ['file:///etc/passwd', /The result link is not a web address \(http or https\)/],
    ['ftp://cdn.example.com/video.mp4', /The result link is not a web address \(http or https\)/],
    ['http://user:pass@127.0.0.1:9/video.mp4', /contains a user name or password/],
    ['https://:token@cdn.example.com/video.mp4', /contains a user name or password/],
  ])('%s', async (url, message) => {
    const error = await refusal(url, anyAddress);
    expect(error.kind).toBe('invalid_request');
    expect(error.userMessage).toMatch(message);
    expect(error.userMessage).toMatch(/Nothing was downloaded\.$/);
  });

  it('a loopback target for the real API, without connecting', async () => {
    const { url, requests } = await serveClip();
    const error = await refusal(url, publicInternetOnly);
    expect(error).toMatchObject({ kind: 'invalid_request' });
    expect(error.userMessage).toMatch(
      /The result link's host 127\.0\.0\.1 is a private or local address \(127\.0\.0\.1\)/,
    );
    expect(requests).toHaveLength(0);
  });

  it('a host NAME that resolves to loopback (checked at connect time)', async () => {
    const { origin, requests } = await serveClip();
    const error = await refusal(`http://localhost:${new URL(origin).port}/video.mp4`, publicInternetOnly);
    expect(error.userMessage).toMatch(/host localhost is a private or local address \((127\.0\.0\.1|::1)\)/);
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/video.mp4'],
    ['a private network', 'http://10.1.2.3/video.mp4'],
  ])('%s', async (_name, url) => {
    const error = await refusal(url, publicInternetOnly);
    expect(error.userMessage).toMatch(/is a private or local address/);
  });
});

describe('redirects are checked hop by hop', () => {
  it.each([
    [
      'the cloud metadata address',
      () => 'http://169.254.169.254/latest/meta-data/video.mp4',
      /169\.254\.169\.254, which is a private or local address/,
    ],
    [
      'IPv6 loopback',
      (port: string) => `http://[::1]:${port}/output/video.mp4`,
      /\[::1\]:\d+, which is a private or local address \(::1\)/,
    ],
    [
      'another loopback address',
      () => 'http://127.0.0.2/video.mp4',
      /127\.0\.0\.2, which is a private or local address/,
    ],
    ['a file: link', () => 'file:///etc/passwd', /redirects to .*is not a web address/],
    [
      'credentials',
      (port: string) => `http://u:p@127.0.0.1:${port}/output/video.mp4`,
      /contains a user name or password/,
    ],
  ])('a redirect to %s is refused, nothing downloaded', async (_name, target, message) => {
    server = await startFileServer(clip, (index) =>
      index === 0 ? { redirectTo: target(new URL(server?.origin ?? '').port) } : {},
    );
    const error = await refusal(server.url, loopbackIsPublic);
    expect(error.kind).toBe('invalid_request');
    expect(error.userMessage).toMatch(message);
    expect(server.requests).toHaveLength(1); // only the hop that redirected
  });

  it('a redirect to a public address is followed', async () => {
    server = await startFileServer(clip, (index) => (index === 0 ? { redirectTo: '/cdn/video.mp4' } : {}));
    const finalPath = join(dir, 'lib', 'clip.mp4');
    const result = await downloadFile({
      url: server.url,
      policy: loopbackIsPublic,
      verify: verifyMp4,
      partPath: `${finalPath}.part`,
      finalPath,
    });
    expect(result.bytes).toBe(clip.length);
    expect(readFileSync(finalPath).equals(clip)).toBe(true);
  });
});

describe('a body that is not a video', () => {
  it('18 bytes of HTML are discarded: no video, no part, no checkpoint to resume from', async () => {
    const { url } = await serveClip(Buffer.from('<html>oops</html>\n'));
    const checkpoints: number[] = [];
    const finalPath = join(dir, 'lib', 'clip.mp4');
    const outcome = await downloadFile({
      url,
      policy: anyAddress,
      verify: verifyMp4,
      partPath: `${finalPath}.part`,
      finalPath,
      onCheckpoint: (state) => checkpoints.push(state.bytesDone),
    }).catch((error: unknown) => error);
    expect(outcome).toMatchObject({
      kind: 'protocol',
      userMessage:
        'The file server did not send a playable video (18 bytes; not an MP4 video). It was discarded.',
    });
    expect(await readdir(join(dir, 'lib'))).toEqual([]);
    expect(checkpoints.at(-1)).toBe(0);
  });
});
