// What "Test connection" of the image hosting reports, step by step. Process-agnostic.

export type HostingStep = 'settings' | 'upload' | 'download' | 'link' | 'delete';

export type HostingReason =
  | 'not_configured'
  | 'private_endpoint'
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'tls'
  | 'unreachable'
  | 'unknown_key'
  | 'bad_signature'
  | 'clock_skew'
  | 'no_bucket'
  | 'access_denied'
  | 'wrong_region'
  | 'server'
  | 'mismatch'
  | 'other';

export interface HostingTestStep {
  step: HostingStep;
  ok: boolean;
  message: string;
}

export interface HostingTestResult {
  ok: boolean;
  steps: HostingTestStep[];
  failedStep: HostingStep | null;
  reason: HostingReason | null;
  /** One sentence: what works, or what failed and why. */
  message: string;
  /** Works, but APIXO could not use it (an endpoint on a private network). */
  warning: string | null;
}
