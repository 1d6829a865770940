// What went wrong talking to the image hosting, named precisely enough to fix: which step (upload,
// read back, the presigned link, delete) and why (DNS, refused, TLS, unknown key, wrong secret, no
// such bucket, access denied, wrong region…). The SDK's error names are S3's error codes.

import { DEFAULT_REGION, type HostingSettings } from '../../../shared/domain/hosting-settings';
import type { HostingReason, HostingStep } from '../../../shared/domain/hosting-test';
import { StudioError } from '../errors';
import { classifyNetworkError, describeNetworkFailure } from '../net/network-errors';

export type { HostingReason, HostingStep };

/** A hosting failure: kind 'hosting', plus the step, the reason and whether trying again may help. */
export class HostingError extends StudioError {
  constructor(
    readonly step: HostingStep,
    readonly reason: HostingReason,
    userMessage: string,
    readonly transient: boolean,
    detail?: string,
    cause?: unknown,
  ) {
    super({ kind: 'hosting', userMessage, detail: detail ?? userMessage, cause, createdNothing: true });
  }
}

const STEP_WORDS: Record<HostingStep, string> = {
  settings: 'Checking the settings',
  upload: 'Uploading',
  download: 'Reading back',
  link: 'Downloading through the presigned link',
  delete: 'Deleting',
};

const ACTIONS: Record<HostingStep, string> = {
  settings: 'use',
  upload: 'write (PutObject)',
  download: 'read (GetObject)',
  link: 'read through a presigned link (GetObject)',
  delete: 'delete (DeleteObject)',
};

interface S3ErrorShape {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: unknown;
}

export function endpointLabel(settings: HostingSettings): string {
  if (!settings.endpoint) return `AWS S3 (${settings.region || DEFAULT_REGION})`;
  try {
    return new URL(settings.endpoint).host;
  } catch {
    return settings.endpoint;
  }
}

/** S3 error code (or HTTP status for an answer without a body) → reason and sentence. */
function fromService(
  code: string,
  status: number | undefined,
  step: HostingStep,
  settings: HostingSettings,
): { reason: HostingReason; message: string; transient: boolean } | null {
  const bucket = `"${settings.bucket}"`;
  switch (code) {
    case 'InvalidAccessKeyId':
      return {
        reason: 'unknown_key',
        message: `${endpointLabel(settings)} does not know this access key ID (InvalidAccessKeyId). Check the key ID.`,
        transient: false,
      };
    case 'SignatureDoesNotMatch':
      return {
        reason: 'bad_signature',
        message:
          'The secret access key is wrong: the storage computed a different signature (SignatureDoesNotMatch). Paste the secret again.',
        transient: false,
      };
    case 'RequestTimeTooSkewed':
      return {
        reason: 'clock_skew',
        message:
          "This computer's clock is too far off for signed requests (RequestTimeTooSkewed). Set the time automatically.",
        transient: false,
      };
    case 'NoSuchBucket':
      return {
        reason: 'no_bucket',
        message: `The bucket ${bucket} does not exist at ${endpointLabel(settings)} (NoSuchBucket). Check its name, or create it.`,
        transient: false,
      };
    case 'AccessDenied':
    case 'AllAccessDisabled':
    case 'Forbidden':
      return {
        reason: 'access_denied',
        message: `Access denied: these credentials may not ${ACTIONS[step]} objects in bucket ${bucket}. Give the key that permission.`,
        transient: false,
      };
    case 'PermanentRedirect':
    case 'AuthorizationHeaderMalformed':
    case 'IllegalLocationConstraintException':
    case 'Redirect':
      return {
        reason: 'wrong_region',
        message: `Bucket ${bucket} is in another region than "${settings.region || DEFAULT_REGION}" (${code}). Set the bucket's region.`,
        transient: false,
      };
  }
  if (status === 403) return fromService('AccessDenied', undefined, step, settings);
  if (status === 404 && step !== 'download' && step !== 'link')
    return fromService('NoSuchBucket', undefined, step, settings);
  if (status === 301) return fromService('PermanentRedirect', undefined, step, settings);
  if (status !== undefined && status >= 500) {
    return {
      reason: 'server',
      message: `${endpointLabel(settings)} had a problem (HTTP ${status}${code ? `, ${code}` : ''}). Try again later.`,
      transient: true,
    };
  }
  return null;
}

export function explainHostingError(
  error: unknown,
  step: HostingStep,
  settings: HostingSettings,
): HostingError {
  if (error instanceof HostingError) return error;
  const shape = (error ?? {}) as S3ErrorShape;
  const status = shape.$metadata?.httpStatusCode;
  const code = shape.Code ?? shape.name ?? '';
  const answered = status !== undefined && (shape.$response !== undefined || code !== 'Error');
  const service = answered ? fromService(code, status, step, settings) : null;
  const network = classifyNetworkError(error);
  const explained =
    service ??
    (network.failure !== 'other'
      ? {
          reason: network.failure === 'reset' ? ('unreachable' as const) : network.failure,
          message: describeNetworkFailure(network.failure, endpointLabel(settings), error),
          // A server that is down now may be up in a minute; a wrong name or protocol will not fix itself.
          transient: network.failure !== 'dns' && network.failure !== 'tls',
        }
      : {
          reason: 'other' as const,
          message: `${shape.message ?? String(error)}${code && code !== 'Error' ? ` (${code})` : ''}`,
          transient: false,
        });
  return new HostingError(
    step,
    explained.reason,
    `${STEP_WORDS[step]} failed: ${explained.message}`,
    explained.transient,
    `${step} ${code || network.code || ''} ${status ?? ''} ${shape.message ?? String(error)}`,
    error,
  );
}
