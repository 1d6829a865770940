// Turns the raw, platform-specific failures of the keychain into one cause the user can act on.
// The raw text stays available for the log (the Linux strings, from a real Secret Service, are in
// test/core/secrets/keychain-errors.test.ts).
import type { KeychainFailure } from '../../../shared/domain/keychain';

export type { KeychainFailure };

export interface ExplainedKeychainError {
  reason: KeychainFailure;
  /** For the user: what is wrong with the keychain, without the raw library wording. */
  cause: string;
  /** For the log: every message in the error's cause chain. */
  raw: string;
}

const RULES: ReadonlyArray<{ pattern: RegExp; reason: KeychainFailure; cause: string }> = [
  {
    // No session bus at all, or a bus on which nothing provides org.freedesktop.secrets.
    pattern:
      /DBUS_SESSION_BUS_ADDRESS|autolaunch|org\.freedesktop\.secrets was not provided|ServiceUnknown|Failed to connect to socket/i,
    reason: 'no-service',
    cause: 'No Secret Service is running (install and unlock GNOME Keyring or KWallet)',
  },
  {
    // gnome-keyring could not show its unlock prompt, or the user dismissed it; macOS says
    // "User interaction is not allowed" when the keychain is locked and no prompt may appear.
    pattern: /prompt was dismissed|is locked|User interaction is not allowed|user canceled/i,
    reason: 'locked',
    cause: 'The keyring is locked and could not be unlocked',
  },
  {
    // gnome-keyring running without any collection to store into (no "login" keyring yet).
    pattern: /no result found/i,
    reason: 'no-keyring',
    cause:
      'The Secret Service has no default keyring to store secrets in (create a "login" keyring, e.g. in Passwords and Keys)',
  },
  {
    pattern: /AccessDenied|access denied|not permitted/i,
    reason: 'denied',
    cause: 'Access to the keychain was denied',
  },
  {
    pattern: /ambiguous/i,
    reason: 'ambiguous',
    cause: 'The keychain holds more than one Wan Studio entry for this secret (remove the duplicates)',
  },
];

function causeChainText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    // napi-rs nests the same text in each cause ("Platform failure: DBus error: X" <- "X").
    if (!parts.some((earlier) => earlier.includes(message))) parts.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' <- ');
}

export function explainKeychainError(error: unknown, backendName: string): ExplainedKeychainError {
  const raw = causeChainText(error);
  const rule = RULES.find((candidate) => candidate.pattern.test(raw));
  if (rule) return { reason: rule.reason, cause: rule.cause, raw };
  return { reason: 'other', cause: `The ${backendName} failed: ${raw}`, raw };
}
