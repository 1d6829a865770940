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
  /** A reference audio (wan-2-5-video) that cannot be used: not WAV/MP3, too short, too long, too big. */
  'invalid_audio',
  /** Image hosting (the user's S3-compatible bucket) is missing, misconfigured or failing. */
  'hosting',
  /** The library folder or its database is not where the settings say (an unmounted drive, a moved folder). */
  'library_missing',
  /** The library database is damaged or not a database at all (also: a zero-length file). */
  'library_corrupt',
  /** The library folder or database cannot be written (permissions, a read-only disk). */
  'read_only',
  /** The disk holding the library is full. */
  'disk_full',
  /** The UI named something this host does not let it touch (a path no dialog or drop gave it). */
  'forbidden',
  /** A spending cap would be crossed: nothing was sent. */
  'over_budget',
  /** The action costs more than the confirmation threshold and was not confirmed. */
  'needs_confirmation',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];
