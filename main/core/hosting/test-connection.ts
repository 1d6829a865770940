// "Test connection": the whole round trip an image makes, with a small throwaway object: upload,
// read back, download through a presigned link (as APIXO will), delete. It stops at the first
// failure and says which step failed and why.
import { randomBytes } from 'node:crypto';
import type { request } from 'undici';
import {
  type HostingCredentials,
  type HostingSettings,
  missingHostingParts,
  normalizePrefix,
} from '../../../shared/domain/hosting-settings';
import type { HostingTestResult, HostingTestStep } from '../../../shared/domain/hosting-test';
import type { AddressPolicy } from '../net/address-policy';
import { loadUndici } from '../net/undici-lazy';
import { endpointIsReachable, notConfiguredError } from './reference-hosting';
import { type Bucket, openBucket } from './s3-bucket';
import { endpointLabel, explainHostingError } from './s3-errors';

export type { HostingTestResult, HostingTestStep };

const LINK_TIMEOUT_MS = 15_000;

/** The storage answered, but with other bytes than were uploaded (a proxy, a cache, a broken server). */
class ContentMismatch extends Error {
  constructor(readonly step: 'download' | 'link') {
    super(
      step === 'download'
        ? 'Reading back returned different content than was uploaded.'
        : 'The presigned link returned different content than was uploaded.',
    );
  }
}

export async function testHostingConnection(
  settings: HostingSettings,
  credentials: Partial<HostingCredentials>,
  options: { policy: AddressPolicy; open?: typeof openBucket; timeoutMs?: number },
): Promise<HostingTestResult> {
  const steps: HostingTestStep[] = [];
  const missing = missingHostingParts(settings, credentials);
  if (missing.length > 0 || !credentials.accessKeyId || !credentials.secretAccessKey) {
    const error = notConfiguredError(missing);
    const message = `Image hosting is not set up yet: missing ${missing.join(', ')}.`;
    return {
      ok: false,
      steps: [{ step: 'settings', ok: false, message }],
      failedStep: 'settings',
      reason: error.reason,
      message,
      warning: null,
    };
  }
  const bucket: Bucket = (options.open ?? openBucket)(
    settings,
    { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    options.timeoutMs,
  );
  const key = `${normalizePrefix(settings.prefix)}wan-studio-connection-test-${randomBytes(6).toString('hex')}.txt`;
  const content = new TextEncoder().encode(`Wan Studio connection test ${new Date().toISOString()}\n`);
  let uploaded = false;
  try {
    await bucket.put(key, content, 'text/plain');
    uploaded = true;
    steps.push({ step: 'upload', ok: true, message: `Uploaded a test file to "${settings.bucket}".` });

    const readBack = await bucket.get(key);
    if (Buffer.compare(Buffer.from(readBack), Buffer.from(content)) !== 0)
      throw new ContentMismatch('download');
    steps.push({ step: 'download', ok: true, message: 'Read it back with the same content.' });

    const url = await bucket.presign(key, 300);
    await fetchLink(url, content, settings);
    steps.push({ step: 'link', ok: true, message: 'Downloaded it through a presigned link, as APIXO will.' });

    await bucket.delete(key);
    uploaded = false;
    steps.push({ step: 'delete', ok: true, message: 'Deleted it again.' });
  } catch (error) {
    // Every bucket operation throws a HostingError that already names its step.
    const failure =
      error instanceof ContentMismatch
        ? { step: error.step, reason: 'mismatch' as const, message: error.message }
        : (() => {
            const explained = explainHostingError(error, 'upload', settings);
            return { step: explained.step, reason: explained.reason, message: explained.userMessage };
          })();
    steps.push({ step: failure.step, ok: false, message: failure.message });
    if (uploaded) await bucket.delete(key).catch(() => {});
    bucket.close();
    return {
      ok: false,
      steps,
      failedStep: failure.step,
      reason: failure.reason,
      message: failure.message,
      warning: null,
    };
  }
  bucket.close();
  const privateAddress = await endpointIsReachable(settings, options.policy);
  const warning = privateAddress
    ? `${endpointLabel(settings)} is on a private network (${privateAddress}): uploads work, but APIXO's servers cannot download from it. This only works with the demo simulator.`
    : null;
  return {
    ok: true,
    steps,
    failedStep: null,
    reason: null,
    message: `Image hosting works: upload, read back, presigned link and delete all succeeded at ${endpointLabel(settings)}.`,
    warning,
  };
}

/** Plain HTTP GET of a presigned link, with no SDK involved: exactly what APIXO's fetch does. */
async function fetchLink(url: string, expected: Uint8Array, settings: HostingSettings): Promise<void> {
  let answer: Awaited<ReturnType<typeof request>>;
  try {
    const { request } = await loadUndici();
    answer = await request(url, { method: 'GET', signal: AbortSignal.timeout(LINK_TIMEOUT_MS) });
  } catch (error) {
    throw explainHostingError(error, 'link', settings);
  }
  const body = Buffer.from(await answer.body.arrayBuffer());
  if (answer.statusCode !== 200) {
    const code = /<Code>([^<]+)<\/Code>/.exec(body.toString('utf8'))?.[1] ?? '';
    const fake = Object.assign(new Error(code || `HTTP ${answer.statusCode}`), {
      name: code || 'Error',
      Code: code || undefined,
      $metadata: { httpStatusCode: answer.statusCode },
      $response: true,
    });
    throw explainHostingError(fake, 'link', settings);
  }
  if (Buffer.compare(body, Buffer.from(expected)) !== 0) throw new ContentMismatch('link');
}
