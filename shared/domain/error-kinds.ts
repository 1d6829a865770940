// The kinds of failure every layer names the same way: the core raises them, the contract
// carries them, the UI translates them. Process-agnostic.
export const ERROR_KINDS = [
  'invalid_key',
  'insufficient_credits',
  'rate_limited',
  'invalid_request',
  'server',
  'network',
  'protocol',
  'task_failed',
  'not_found',
  'expired',
  'storage',
  'cancelled',
  /** A reference image (file, link or data) that cannot be used, and why. */
  'invalid_image',
  /** Image hosting (the user's S3-compatible bucket) is missing, misconfigured or failing. */
  'hosting',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];
