// Why something failed, finer than its kind, as a code the UI translates. The core's English
// sentence still travels alongside for the log and the CLI; the renderer shows its own words for
// a reason it knows and keeps the English line behind "technical details". Process-agnostic.
export const ERROR_REASONS = [
  /** No APIXO key is set; nothing was sent. */
  'no_key',
  /** A job created with a key waits for one (the key was removed and the app restarted). */
  'waiting_for_key',
  /** The UI could not reach the core (the browser host stopped, the socket closed). */
  'engine_unreachable',
  /** Text that should be a web link is not one. */
  'not_a_url',
  /** A web link whose scheme is not http or https (ftp://, file://…). */
  'unsupported_scheme',
  /** A path that is not absolute. */
  'relative_path',
  /** Another process drives this library. */
  'library_busy',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** Values a translated reason may name ({{scheme}}, {{holder}}). */
export type ReasonParams = Record<string, string | number>;
