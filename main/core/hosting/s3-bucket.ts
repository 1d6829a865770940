// The four S3 operations image hosting needs, over the AWS SDK (SigV4). Credentials are always
// passed in: the SDK's default chain (environment, ~/.aws) is never consulted, so what Settings
// shows is what is used.
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
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

export function openBucket(
  settings: HostingSettings,
  credentials: HostingCredentials,
  timeoutMs = HOSTING_TIMEOUT_MS,
): Bucket {
  const client = new S3Client({
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
  const bucket = settings.bucket;
  const run = async <T>(step: HostingStep, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      throw explainHostingError(error, step, settings);
    }
  };
  return {
    put: (key, body, contentType) =>
      run('upload', async () => {
        await client.send(
          new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
        );
      }),
    get: (key) =>
      run('download', async () => {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
      }),
    presign: (key, lifetimeSeconds) =>
      run('link', () =>
        getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
          expiresIn: lifetimeSeconds,
        }),
      ),
    delete: (key) =>
      run('delete', async () => {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      }),
    close: () => client.destroy(),
  };
}
