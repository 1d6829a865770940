// A real S3-compatible server on loopback for hosting tests: @20minutes/s3rver stores objects on
// disk and checks SigV4 signatures (header-signed requests and presigned links alike), so a wrong
// secret fails the way it does against AWS, R2 or MinIO. `startPolicyProxy` puts a small gateway
// in front that answers AccessDenied for chosen operations, like a bucket policy would.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from '@20minutes/s3rver';
import type { HostingCredentials, HostingSettings } from '../../shared/domain/hosting-settings';

/** s3rver's built-in account. */
export const S3_CREDENTIALS: HostingCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const S3_BUCKET = 'wan-refs';

export interface TestS3 {
  url: string;
  /** Every request the server received (method and path, query string dropped). */
  requests: { method: string; path: string }[];
  settings(patch?: Partial<HostingSettings>): HostingSettings;
  close(): Promise<void>;
}

export async function startS3(): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'wan-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: S3_BUCKET }],
  });
  const requests: TestS3['requests'] = [];
  const { port } = await server.run();
  server.httpServer.prependListener('request', (req: IncomingMessage) => {
    requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '' });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    requests,
    settings: (patch = {}) => ({
      endpoint: url,
      region: 'us-east-1',
      bucket: S3_BUCKET,
      prefix: 'wan-studio/',
      pathStyle: true,
      urlLifetimeSeconds: 3600,
      deleteAfterTask: false,
      ...patch,
    }),
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Forwards to `target`, except that `deny(method)` answers 403 AccessDenied the way S3 does. */
export async function startPolicyProxy(
  target: string,
  deny: (method: string) => boolean,
): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    if (deny(req.method ?? '')) {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      );
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
