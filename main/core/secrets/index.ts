export { type ExplainedKeychainError, explainKeychainError, type KeychainFailure } from './keychain-errors';
export { createOsKeychain, keychainBackendName } from './os-keychain';
export { createSecretStore, type SecretStore, type SecretStoreOptions } from './secret-store';
export * from './types';
export { MAX_SECRET_LENGTH, normalizeSecretValue } from './validate-secret';
