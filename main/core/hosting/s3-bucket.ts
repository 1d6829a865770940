// The four S3 operations image hosting needs, over the AWS SDK (SigV4). Credentials are always
// passed in: the SDK's default chain (environment, ~/.aws) is never consulted, so what Settings
// shows is what is used.
import type { S3Client } from '@aws-sdk/client-s3';
import {
  DEFAULT_REGION,
  type HostingCredentials,
  type HostingSettings,
} from '../../../shared/domain/hosting-settings';
import { explainHostingError, type HostingStep } from './s3-errors';

export const HOSTING_TIMEOUT_MS = 20_000;

export interface Bucket {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  /** A GET link anyone can use until it expires; signed locally, no request is made. */
  presign(key: string, lifetimeSeconds: number): Promise<string>;
  delete(key: string): Promise<void>;
  close(): void;
}

// The SDK costs ~0.4 s to import: it is loaded on the first bucket operation, never at start-up.
type Sdk = typeof import('@aws-sdk/client-s3') &
  Pick<typeof import('@aws-sdk/s3-request-presigner'), 'getSignedUrl'>;
let sdkLoading: Promise<Sdk> | undefined;
function loadSdk(): Promise<Sdk> {
  sdkLoading ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]).then(
    ([s3, presigner]) => ({ ...s3, getSignedUrl: presigner.getSignedUrl }),
  );
  return sdkLoading;
}

export function openBucket(
  settings: HostingSettings,
  credentials: HostingCredentials,
  timeoutMs = HOSTING_TIMEOUT_MS,
): Bucket {
  let client: S3Client | undefined;
  let closed = false;
  const connect = async (): Promise<{ sdk: Sdk; client: S3Client }> => {
    const sdk = await loadSdk();
    if (closed) throw new Error('the bucket was closed');
    client ??= makeClient(sdk, settings, credentials, timeoutMs);
    return { sdk, client };
  };
  const bucket = settings.bucket;
  const run = async <T>(
    step: HostingStep,
    action: (s3: { sdk: Sdk; client: S3Client }) => Promise<T>,
  ): Promise<T> => {
    try {
      return await action(await connect());
    } catch (error) {
      throw explainHostingError(error, step, settings);
    }
  };
  return {
    put: (key, body, contentType) =>
      run('upload', async ({ sdk, client }) => {
        await client.send(
          new sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
        );
      }),
    get: (key) =>
      run('download', async ({ sdk, client }) => {
        const answer = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
        return answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
      }),
    presign: (key, lifetimeSeconds) =>
      run('link', ({ sdk, client }) =>
        sdk.getSignedUrl(client, new sdk.GetObjectCommand({ Bucket: bucket, Key: key }), {
          expiresIn: lifetimeSeconds,
        }),
      ),
    delete: (key) =>
      run('delete', async ({ sdk, client }) => {
        await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
      }),
    close: () => {
      closed = true;
      client?.destroy();
    },
  };
}

function makeClient(
  sdk: Sdk,
  settings: HostingSettings,
  credentials: HostingCredentials,
  timeoutMs: number,
): S3Client {
  return new sdk.S3Client({
    region: settings.region || DEFAULT_REGION,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.pathStyle,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    // R2, B2 and older MinIO reject the CRC checksums newer SDKs add by default.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // The caller decides about retries: a test connection must report the first failure as it is.
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: Math.min(timeoutMs, 10_000),
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: true,
    },
  });
}
