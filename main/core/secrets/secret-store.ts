// The one holder of secrets: the OS keychain for what must survive a restart, main-process memory
// for the explicit "this session only" choice, and APIXO_API_KEY from the environment for scripts.
// Nothing here writes a secret to a file, and a status never contains the secret itself.
import { randomUUID } from 'node:crypto';
import { StudioError } from '../errors';
import { type ExplainedKeychainError, explainKeychainError } from './keychain-errors';
import { createOsKeychain } from './os-keychain';
import {
  type KeychainBackend,
  type KeychainProbe,
  SECRET_LABELS,
  type SecretName,
  type SecretStatus,
} from './types';
import { normalizeSecretValue } from './validate-secret';

export interface SecretStore {
  /** Memory → keychain → (API key only) the APIXO_API_KEY environment variable. */
  get(name: SecretName): Promise<string | null>;
  /** 'session' keeps the value in memory only; it is the user's explicit choice, never a fallback. */
  set(name: SecretName, value: string, where: 'keychain' | 'session'): Promise<SecretStatus>;
  /** Removes the value from the keychain and from memory. */
  clear(name: SecretName): Promise<SecretStatus>;
  status(name: SecretName): Promise<SecretStatus>;
  /** Checks, with a throwaway entry, that the keychain can really store and return a value. */
  probeKeychain(): Promise<KeychainProbe>;
  /** Secret values this process holds or has held, for the log redactor. */
  knownSecrets(): string[];
}

export interface SecretStoreOptions {
  /** Keychain service name; tests use their own so they never touch the real entries. */
  service?: string;
  env?: NodeJS.ProcessEnv;
  keychain?: KeychainBackend;
}

const ENVIRONMENT_VARIABLES: Partial<Record<SecretName, string>> = { 'apixo-api-key': 'APIXO_API_KEY' };
const PROBE_ACCOUNT = 'keychain-probe';
// Below this length the last four characters would give away too much of the key.
const LAST4_MIN_LENGTH = 8;

export function createSecretStore(options: SecretStoreOptions = {}): SecretStore {
  const keychain = options.keychain ?? createOsKeychain(options.service ?? 'wan-studio');
  const env = options.env ?? process.env;
  const memory = new Map<SecretName, { value: string; location: 'keychain' | 'session' }>();
  // Kept for redaction even after clear(): a request started before it may still log the old key.
  const everHeld = new Set<string>();
  // Last known keychain health. Only a write or a successful read proves it works: a locked
  // gnome-keyring answers "nothing stored" to reads instead of failing.
  let keychainState: KeychainProbe | null = null;
  let probeInFlight: Promise<KeychainProbe> | null = null;

  const label = (name: SecretName) => SECRET_LABELS[name];

  function remember(name: SecretName, value: string, location: 'keychain' | 'session'): void {
    memory.set(name, { value, location });
    everHeld.add(value);
  }

  function recordWorking(): KeychainProbe {
    keychainState = { available: true, backend: keychain.name, error: null, reason: null };
    return keychainState;
  }

  function recordFailure(error: unknown): ExplainedKeychainError {
    const explained = explainKeychainError(error, keychain.name);
    keychainState = {
      available: false,
      backend: keychain.name,
      error: explained.cause,
      reason: explained.reason,
    };
    return explained;
  }

  function fromEnvironment(name: SecretName): string | null {
    const variable = ENVIRONMENT_VARIABLES[name];
    const value = variable ? env[variable]?.trim() : undefined;
    if (!value) return null;
    everHeld.add(value);
    return value;
  }

  async function get(name: SecretName): Promise<string | null> {
    const cached = memory.get(name);
    if (cached) return cached.value;
    try {
      const stored = await keychain.get(name);
      if (stored !== null) {
        recordWorking();
        remember(name, stored, 'keychain');
        return stored;
      }
    } catch (error) {
      // An unusable keychain is reported through status(); reading falls through to the environment.
      recordFailure(error);
    }
    return fromEnvironment(name);
  }

  async function runProbe(): Promise<KeychainProbe> {
    const token = `probe-${randomUUID()}`;
    try {
      await keychain.set(PROBE_ACCOUNT, token);
      const readBack = await keychain.get(PROBE_ACCOUNT);
      await keychain.delete(PROBE_ACCOUNT);
      if (readBack !== token) throw new Error('it returned a different value than was stored');
      return { ...recordWorking() };
    } catch (error) {
      const explained = recordFailure(error);
      await keychain.delete(PROBE_ACCOUNT).catch(() => false);
      return { available: false, backend: keychain.name, error: explained.cause, reason: explained.reason };
    }
  }

  function probeKeychain(): Promise<KeychainProbe> {
    // Concurrent probes would overwrite each other's token and report a false failure.
    probeInFlight ??= runProbe().finally(() => {
      probeInFlight = null;
    });
    return probeInFlight;
  }

  async function status(name: SecretName): Promise<SecretStatus> {
    const value = await get(name);
    const health = keychainState ?? (await probeKeychain());
    const showLast4 = name === 'apixo-api-key' && value !== null && value.length >= LAST4_MIN_LENGTH;
    return {
      set: value !== null,
      last4: showLast4 ? value.slice(-4) : null,
      location: memory.get(name)?.location ?? (value !== null ? 'environment' : null),
      keychainAvailable: health.available,
      keychainBackend: health.backend,
      keychainError: health.error,
      keychainErrorReason: health.reason,
    };
  }

  async function set(name: SecretName, value: string, where: 'keychain' | 'session'): Promise<SecretStatus> {
    const clean = normalizeSecretValue(name, value);
    if (where === 'keychain') {
      try {
        await keychain.set(name, clean);
      } catch (error) {
        const explained = recordFailure(error);
        throw new StudioError({
          kind: 'storage',
          userMessage:
            `Could not save the ${label(name)} in the ${keychain.name}: ${explained.cause}. ` +
            'You can keep it for this session only instead; it will be forgotten when Wan Studio quits.',
          detail: `keychain set ${name} failed: ${explained.raw}`,
          cause: error,
        });
      }
      recordWorking();
      remember(name, clean, 'keychain');
    } else {
      remember(name, clean, 'session');
      // An older keychain copy would silently come back after a restart; the user chose otherwise.
      await keychain.delete(name).catch((error: unknown) => recordFailure(error));
    }
    return status(name);
  }

  async function clear(name: SecretName): Promise<SecretStatus> {
    memory.delete(name);
    try {
      await keychain.delete(name);
    } catch (error) {
      const explained = recordFailure(error);
      // With no keychain at all there is nothing stored to remove; any other failure may leave it there.
      if (explained.reason !== 'no-service') {
        throw new StudioError({
          kind: 'storage',
          userMessage: `Could not remove the ${label(name)} from the ${keychain.name}: ${explained.cause}. It may still be stored there.`,
          detail: `keychain delete ${name} failed: ${explained.raw}`,
          cause: error,
        });
      }
    }
    return status(name);
  }

  function knownSecrets(): string[] {
    fromEnvironment('apixo-api-key');
    return [...everHeld];
  }

  return { get, set, clear, status, probeKeychain, knownSecrets };
}
