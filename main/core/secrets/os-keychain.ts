// The real KeychainBackend: @napi-rs/keyring (keyring-rs) over the macOS Keychain, the Windows
// Credential Manager or the freedesktop Secret Service. Each secret is one item, service
// 'wan-studio', account = the secret's name, so users can see and revoke it in their keychain app.
import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';
import type { KeychainBackend } from './types';

export function keychainBackendName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service (GNOME Keyring / KWallet)';
}

// On Linux keyring-rs silently falls back to the kernel keyring when no Secret Service answers.
// That store forgets everything at logout, so the user would believe the key was saved. Pinning
// the Secret Service turns that case into an error we can explain instead.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

// The native addon is loaded by the first keychain call, not at import: whatever never reaches the
// keychain (`--help`, a start-up with APIXO_API_KEY set) does not pay for it.
let keyringLoading: Promise<typeof import('@napi-rs/keyring')> | undefined;
const loadKeyring = () => {
  keyringLoading ??= import('@napi-rs/keyring');
  return keyringLoading;
};

export function createOsKeychain(service: string): KeychainBackend {
  // Creating an entry opens a D-Bus connection on Linux (~8 ms, synchronously), so entries are
  // reused. Any failure drops the cached one: the next call reconnects, e.g. after the keyring
  // daemon restarted.
  const entries = new Map<string, AsyncEntry>();

  async function withEntry<T>(account: string, use: (entry: AsyncEntry) => Promise<T>): Promise<T> {
    try {
      let entry = entries.get(account);
      if (!entry) {
        // Inside the async function, so "no session bus" thrown by the constructor becomes a
        // rejected promise like every other failure.
        const { AsyncEntry } = await loadKeyring();
        entry = new AsyncEntry(service, account, ENTRY_OPTIONS);
        entries.set(account, entry);
      }
      return await use(entry);
    } catch (error) {
      entries.delete(account);
      throw error;
    }
  }

  return {
    name: keychainBackendName(),
    get: (account) => withEntry(account, (entry) => entry.getPassword()),
    set: (account, secret) => withEntry(account, (entry) => entry.setPassword(secret)),
    delete: (account) => withEntry(account, (entry) => entry.deletePassword()),
  };
}
