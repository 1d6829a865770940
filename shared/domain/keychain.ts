// Why the OS keychain could not be used, as a reason code the UI translates (the raw text stays in
// the log). Process-agnostic.
export type KeychainFailure = 'no-service' | 'locked' | 'no-keyring' | 'denied' | 'ambiguous' | 'other';
