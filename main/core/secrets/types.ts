import type { KeychainFailure } from './keychain-errors';
// The vocabulary of the secret store, shared by the store, the OS keychain adapter and the IPC layer.

export const SECRET_NAMES = ['apixo-api-key', 's3-access-key-id', 's3-secret-access-key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Where the value in use came from. 'session' means main-process memory only, gone on quit. */
export type SecretLocation = 'keychain' | 'session' | 'environment';

export interface SecretStatus {
  set: boolean;
  /** Last four characters, for the API key only, so the user can tell which key is in use. */
  last4: string | null;
  location: SecretLocation | null;
  keychainAvailable: boolean;
  /** Human-readable name of the OS store, e.g. 'macOS Keychain'. */
  keychainBackend: string;
  /** Why the keychain is unusable, phrased for the user; null when it works. */
  keychainError: string | null;
  /** The kind of keychain failure behind keychainError (see keychain-errors.ts). */
  keychainErrorReason: KeychainFailure | null;
}

export interface KeychainProbe {
  available: boolean;
  backend: string;
  error: string | null;
  /** The kind of failure, so a UI can say it in the user's language; null when it works. */
  reason: KeychainFailure | null;
}

/** The OS credential store, reduced to what the secret store needs. Accounts are SecretNames. */
export interface KeychainBackend {
  readonly name: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  delete(account: string): Promise<boolean>;
}

export const SECRET_LABELS: Record<SecretName, string> = {
  'apixo-api-key': 'APIXO API key',
  's3-access-key-id': 'S3 access key ID',
  's3-secret-access-key': 'S3 secret access key',
};
