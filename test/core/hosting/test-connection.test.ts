// "Test connection" against a real S3-compatible server (SigV4 checked) on loopback: it works end to
// end, and each way it can fail is reported as its own step and reason with its own sentence.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testHostingConnection } from '../../../main/core/hosting/test-connection';
import { anyAddress, publicInternetOnly } from '../../../main/core/net/address-policy';
import type { HostingCredentials, HostingSettings } from '../../../shared/domain/hosting-settings';
import { S3_CREDENTIALS, startPolicyProxy, startS3, type TestS3 } from '../../helpers/s3-server';

let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3.close();
});

const run = (
  settings: HostingSettings,
  credentials: Partial<HostingCredentials> = S3_CREDENTIALS,
  timeoutMs?: number,
) => testHostingConnection(settings, credentials, { policy: anyAddress, timeoutMs });

async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('testHostingConnection', () => {
  it('uploads, reads back, downloads through a presigned link and deletes', async () => {
    const before = s3.requests.length;
    const result = await run(s3.settings());
    expect(result).toMatchObject({ ok: true, failedStep: null, reason: null, warning: null });
    expect(result.steps.map((step) => [step.step, step.ok])).toEqual([
      ['upload', true],
      ['download', true],
      ['link', true],
      ['delete', true],
    ]);
    const methods = s3.requests.slice(before).map((request) => request.method);
    expect(methods).toEqual(['PUT', 'GET', 'GET', 'DELETE']);
    expect(s3.requests.at(-1)?.path).toMatch(
      /^\/wan-refs\/wan-studio\/wan-studio-connection-test-[0-9a-f]+\.txt$/,
    );
  });

  it('warns that a loopback endpoint works but cannot be reached by APIXO', async () => {
    const result = await testHostingConnection(s3.settings(), S3_CREDENTIALS, { policy: publicInternetOnly });
    expect(result.ok).toBe(true);
    expect(result.warning).toMatch(
      /private network \(127\.0\.0\.1\).*APIXO's servers cannot download from it/,
    );
  });

  it('says what is missing before trying anything', async () => {
    const before = s3.requests.length;
    const result = await run(s3.settings({ bucket: '' }), { accessKeyId: 'S3RVER' });
    expect(result).toMatchObject({ ok: false, failedStep: 'settings', reason: 'not_configured' });
    expect(result.message).toBe('Image hosting is not set up yet: missing bucket, secret access key.');
    expect(s3.requests.length).toBe(before);
  });

  it.each([
    [
      'a host name that does not resolve',
      () => ({ endpoint: 'http://wan-studio-no-such-host.invalid:9000' }),
      'dns',
      /Uploading failed: The host name "wan-studio-no-such-host\.invalid:9000" could not be found \(DNS\)/,
    ],
    [
      'a port where nothing listens',
      async () => ({ endpoint: `http://127.0.0.1:${await closedPort()}` }),
      'refused',
      /Uploading failed: Nothing is listening at 127\.0\.0\.1:\d+ \(connection refused\)/,
    ],
    [
      'https to a plain-http server',
      () => ({ endpoint: s3.url.replace('http:', 'https:') }),
      'tls',
      /Uploading failed: The secure \(TLS\) connection to 127\.0\.0\.1:\d+ failed: the server does not speak TLS there/,
    ],
    [
      'a bucket that does not exist',
      () => ({ bucket: 'no-such-bucket' }),
      'no_bucket',
      /Uploading failed: The bucket "no-such-bucket" does not exist at 127\.0\.0\.1:\d+ \(NoSuchBucket\)/,
    ],
  ])('reports %s', async (_name, patch, reason, message) => {
    const result = await run(s3.settings(await patch()));
    expect(result).toMatchObject({ ok: false, failedStep: 'upload', reason });
    expect(result.message).toMatch(message);
    expect(result.steps).toEqual([{ step: 'upload', ok: false, message: result.message }]);
  });

  it('tells an unknown access key from a wrong secret', async () => {
    const unknown = await run(s3.settings(), { accessKeyId: 'AKIANOTKNOWN', secretAccessKey: 'S3RVER' });
    expect(unknown).toMatchObject({ ok: false, failedStep: 'upload', reason: 'unknown_key' });
    expect(unknown.message).toMatch(/does not know this access key ID \(InvalidAccessKeyId\)/);
    const wrong = await run(s3.settings(), { accessKeyId: 'S3RVER', secretAccessKey: 'not-the-secret' });
    expect(wrong).toMatchObject({ ok: false, failedStep: 'upload', reason: 'bad_signature' });
    expect(wrong.message).toMatch(/The secret access key is wrong.*SignatureDoesNotMatch/);
  });

  it.each([
    ['PUT', 'upload', /Uploading failed: Access denied: these credentials may not write \(PutObject\)/],
    ['GET', 'download', /Reading back failed: Access denied: these credentials may not read \(GetObject\)/],
    ['DELETE', 'delete', /Deleting failed: Access denied: these credentials may not delete \(DeleteObject\)/],
  ] as const)('reports access denied on %s as the %s step', async (method, step, message) => {
    const proxy = await startPolicyProxy(s3.url, (requested) => requested === method);
    try {
      const result = await run(s3.settings({ endpoint: proxy.url }));
      expect(result).toMatchObject({ ok: false, failedStep: step, reason: 'access_denied' });
      expect(result.message).toMatch(message);
      expect(result.steps.filter((entry) => entry.ok).length).toBe(
        ['upload', 'download', 'link', 'delete'].indexOf(step),
      );
    } finally {
      await proxy.close();
    }
  });

  it('reports a server that accepts the connection but never answers', async () => {
    const silent: Server = createServer(() => {});
    silent.listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const result = await run(s3.settings({ endpoint: `http://127.0.0.1:${port}` }), S3_CREDENTIALS, 800);
      expect(result).toMatchObject({ ok: false, failedStep: 'upload', reason: 'timeout' });
      expect(result.message).toMatch(/127\.0\.0\.1:\d+ did not answer in time/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
