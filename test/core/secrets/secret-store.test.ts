// The secret store against the real thing: GNOME Keyring in the private D-Bus session that
// scripts/with-keyring.sh provides, checked from the outside with secret-tool, plus child processes
// that have no Secret Service at all or a locked one.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import {
  createSecretStore,
  SECRET_NAMES,
  type SecretName,
  type SecretStore,
} from '../../../main/core/secrets';

const SERVICE = 'wan-studio';
const SECRET_SERVICE_NAME = 'Secret Service (GNOME Keyring / KWallet)';
const NO_SERVICE_CAUSE = 'No Secret Service is running (install and unlock GNOME Keyring or KWallet)';
const LOCKED_CAUSE = 'The keyring is locked and could not be unlocked';
const HOW_TO_RUN =
  'run through scripts/with-keyring.sh: bash scripts/with-keyring.sh npx vitest run test/core/secrets';

// Only a keyring made by with-keyring.sh is disposable; anywhere else these tests would overwrite
// the developer's own Wan Studio key.
const insideThrowawayKeyring =
  process.env.WAN_STUDIO_TEST_KEYRING === '1' && Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const inCi = Boolean(process.env.CI);
if (!insideThrowawayKeyring && !inCi) {
  console.warn(
    `[secret-store.test] SKIPPING the real Secret Service tests: no throwaway keyring; ${HOW_TO_RUN}`,
  );
}

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const temporaryDirs: string[] = [];

function canary(): string {
  return `apx_canary_${randomBytes(16).toString('hex')}`;
}

function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

/** What secret-tool (libsecret, not our code) finds in the Secret Service; null when nothing. */
function secretToolLookup(name: SecretName): string | null {
  const result = spawnSync('secret-tool', ['lookup', 'service', SERVICE, 'username', name], {
    encoding: 'utf8',
  });
  if (result.error)
    throw new Error(`secret-tool is missing: apt-get install -y libsecret-tools (${result.error})`);
  return result.status === 0 ? result.stdout : null;
}

function secretToolSearchAll(): string {
  const result = spawnSync('secret-tool', ['search', '--all', 'service', SERVICE], { encoding: 'utf8' });
  return result.stdout + result.stderr;
}

function secretToolStore(name: SecretName, value: string): void {
  const result = spawnSync(
    'secret-tool',
    ['store', '--label=external', 'service', SERVICE, 'username', name],
    {
      input: value,
    },
  );
  expect(result.status).toBe(0);
}

/** Every file under `dir` whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (readFileSync(path).includes(needle)) hits.push(path);
  }
  return hits;
}

interface ChildReport {
  setError: { kind: string; userMessage: string; detail: string } | null;
  statusAfterFailedSet: {
    set: boolean;
    keychainAvailable: boolean;
    keychainError: string | null;
    keychainErrorReason: string | null;
  };
  probe: { available: boolean; backend: string; error: string | null; reason: string | null };
  sessionStatus: { set: boolean; location: string | null; last4: string | null };
  sessionValueMatches: boolean;
}

/** A minimal environment: no D-Bus address, no display, no XDG_RUNTIME_DIR/bus to fall back on. */
function isolatedEnv(home: string, secret: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, CANARY_SECRET: secret, KEYCHAIN_SERVICE: SERVICE };
}

function parseChildReport(result: ReturnType<typeof spawnSync>): ChildReport {
  const stdout = String(result.stdout);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    throw new Error(`child failed (${result.status}): ${stdout}\n${String(result.stderr)}`);
  }
  return JSON.parse(line) as ChildReport;
}

const childCommand = ['--import', join(fixtures, 'resolve-ts.mjs'), join(fixtures, 'keychain-child.ts')];

afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(!insideThrowawayKeyring && inCi)('secret store in CI', () => {
  it('has a throwaway Secret Service to test against', () => {
    expect.fail(`No D-Bus session with a throwaway GNOME Keyring: ${HOW_TO_RUN}`);
  });
});

describe.skipIf(!insideThrowawayKeyring)('secret store on the real Secret Service', () => {
  const stores: SecretStore[] = [];
  const newStore = (env: NodeJS.ProcessEnv = {}) => {
    const store = createSecretStore({ env });
    stores.push(store);
    return store;
  };

  afterEach(async () => {
    const cleaner = createSecretStore({ env: {} });
    for (const name of SECRET_NAMES) await cleaner.clear(name);
    stores.length = 0;
  });

  it('round-trips a key through the keychain, where secret-tool sees it, and clears it', async () => {
    const key = canary();
    const store = newStore();

    const status = await store.set('apixo-api-key', `  ${key}\n`, 'keychain');

    expect(status).toEqual({
      set: true,
      last4: key.slice(-4),
      location: 'keychain',
      keychainAvailable: true,
      keychainBackend: SECRET_SERVICE_NAME,
      keychainError: null,
      keychainErrorReason: null,
    });
    expect(JSON.stringify(status)).not.toContain(key);
    expect(secretToolLookup('apixo-api-key')).toBe(key);
    expect(await store.get('apixo-api-key')).toBe(key);
    // A new instance has an empty memory, so this value can only have come from the keychain.
    expect(await newStore().get('apixo-api-key')).toBe(key);

    const cleared = await store.clear('apixo-api-key');

    expect(cleared).toMatchObject({ set: false, last4: null, location: null, keychainAvailable: true });
    expect(secretToolLookup('apixo-api-key')).toBeNull();
    expect(await store.get('apixo-api-key')).toBeNull();
    expect(await newStore().get('apixo-api-key')).toBeNull();
  });

  it('reads an item another program stored, and shows last4 only for the API key', async () => {
    const accessKey = canary();
    secretToolStore('s3-secret-access-key', accessKey);

    const status = await newStore().status('s3-secret-access-key');

    expect(status).toMatchObject({ set: true, location: 'keychain', last4: null });
    expect(await newStore().get('s3-secret-access-key')).toBe(accessKey);
  });

  it('keeps a session-only key in memory and never in the keychain', async () => {
    const older = canary();
    const key = canary();
    const store = newStore();
    await store.set('apixo-api-key', older, 'keychain');

    const status = await store.set('apixo-api-key', key, 'session');

    expect(status).toMatchObject({
      set: true,
      location: 'session',
      last4: key.slice(-4),
      keychainAvailable: true,
    });
    expect(await store.get('apixo-api-key')).toBe(key);
    // The older keychain copy is gone too, or it would silently return after a restart.
    expect(secretToolLookup('apixo-api-key')).toBeNull();
    expect(secretToolSearchAll()).not.toContain(key);
    expect(await newStore().get('apixo-api-key')).toBeNull();
  });

  it('falls back to APIXO_API_KEY for the API key only, below the keychain', async () => {
    const envKey = canary();
    const store = newStore({ APIXO_API_KEY: ` ${envKey} ` });

    expect(await store.get('apixo-api-key')).toBe(envKey);
    expect(await store.status('apixo-api-key')).toMatchObject({
      set: true,
      location: 'environment',
      last4: envKey.slice(-4),
    });
    expect(await store.get('s3-access-key-id')).toBeNull();
    expect(store.knownSecrets()).toContain(envKey);

    const stored = canary();
    await store.set('apixo-api-key', stored, 'keychain');
    expect(await store.get('apixo-api-key')).toBe(stored);

    // The environment cannot be cleared by us, and the status says honestly where the key now comes from.
    expect(await store.clear('apixo-api-key')).toMatchObject({ set: true, location: 'environment' });
    expect(secretToolLookup('apixo-api-key')).toBeNull();
  });

  it('clears from memory and the keychain alike, for every kind of secret', async () => {
    const writer = newStore();
    const reader = newStore();
    const keyId = canary();
    const sessionSecret = canary();
    await writer.set('s3-access-key-id', keyId, 'keychain');
    expect(await reader.get('s3-access-key-id')).toBe(keyId); // now cached in reader's memory
    await reader.set('s3-secret-access-key', sessionSecret, 'session');

    await reader.clear('s3-access-key-id');
    await reader.clear('s3-secret-access-key');

    expect(await reader.get('s3-access-key-id')).toBeNull();
    expect(await reader.get('s3-secret-access-key')).toBeNull();
    expect(secretToolLookup('s3-access-key-id')).toBeNull();
    // Values once held stay known to the redactor: a request in flight may still log them.
    expect(reader.knownSecrets()).toEqual(expect.arrayContaining([keyId, sessionSecret]));
  });

  it('rejects malformed keys with a specific message and stores nothing', async () => {
    const store = newStore();
    const cases: Array<[string, RegExp]> = [
      ['   ', /APIXO API key is empty/],
      [`${canary()} ${canary()}`, /contains a space or line break/],
      [`Bearer\t${canary()}`, /contains a space or line break/],
      [`${canary()}\u0007`, /invisible control characters/],
      [`${canary()}\u200b`, /invisible control characters/],
      ['x'.repeat(513), /too long \(513 characters, at most 512\)/],
    ];
    for (const [value, message] of cases) {
      const failure = await store.set('apixo-api-key', value, 'keychain').catch((error: unknown) => error);
      expect(isStudioError(failure) && failure.kind).toBe('invalid_request');
      expect(isStudioError(failure) ? failure.userMessage : failure).toMatch(message);
    }
    expect(secretToolLookup('apixo-api-key')).toBeNull();
    expect((await store.set('apixo-api-key', 'k'.repeat(512), 'keychain')).set).toBe(true);
  });

  it('probes the keychain with a write that leaves nothing behind', async () => {
    const store = newStore();

    const [first, second] = await Promise.all([store.probeKeychain(), store.probeKeychain()]);

    expect(first).toEqual({ available: true, backend: SECRET_SERVICE_NAME, error: null, reason: null });
    expect(second).toEqual(first);
    expect(secretToolSearchAll()).toBe('');
  });

  it('explains a locked keyring and offers the session-only choice', () => {
    const home = makeTempDir('wan-studio-locked-');
    const secret = canary();
    // Start gnome-keyring in our own session with the given password, as with-keyring.sh does.
    const withKeyring = [
      'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &',
      'pid=$!',
      'for i in $(seq 100); do dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true && break; sleep 0.05; done',
      '"$@"; rc=$?; kill $pid; wait $pid; exit $rc',
    ].join('\n');
    const inSession = (password: string, command: string[]) =>
      spawnSync('dbus-run-session', ['--', 'sh', '-c', withKeyring, 'sh', ...command], {
        cwd: home,
        encoding: 'utf8',
        env: { ...isolatedEnv(home, secret), KEYRING_PASSWORD: password },
      });

    // The first session creates the login keyring with one password; the second one only knows a
    // wrong password, so the keyring stays locked and the unlock prompt cannot be shown (no display).
    expect(inSession('right-password', ['true']).status).toBe(0);
    expect(existsSync(join(home, '.local/share/keyrings/login.keyring'))).toBe(true);
    const report = parseChildReport(inSession('wrong-password', [process.execPath, ...childCommand]));

    expect(report.setError?.kind).toBe('storage');
    expect(report.setError?.userMessage).toContain(LOCKED_CAUSE);
    expect(report.setError?.userMessage).toContain('session only');
    expect(report.probe).toEqual({
      available: false,
      backend: SECRET_SERVICE_NAME,
      error: LOCKED_CAUSE,
      reason: 'locked',
    });
    expect(report.sessionValueMatches).toBe(true);
    expect(filesContaining(home, secret)).toEqual([]);
  });
});

// Needs no keyring at all, so it runs everywhere: the child gets no D-Bus session.
describe('secret store without any Secret Service', () => {
  it('says clearly that none is running, still offers session-only storage, and writes nothing', () => {
    const home = makeTempDir('wan-studio-nokeychain-');
    const secret = canary();

    const result = spawnSync(process.execPath, childCommand, {
      cwd: home,
      encoding: 'utf8',
      env: isolatedEnv(home, secret),
    });
    const report = parseChildReport(result);

    expect(report.setError).toEqual({
      kind: 'storage',
      userMessage: `Could not save the APIXO API key in the ${SECRET_SERVICE_NAME}: ${NO_SERVICE_CAUSE}. You can keep it for this session only instead; it will be forgotten when Wan Studio quits.`,
      detail: expect.stringContaining('DBUS_SESSION_BUS_ADDRESS'),
    });
    expect(report.statusAfterFailedSet).toMatchObject({
      set: false,
      keychainAvailable: false,
      keychainError: NO_SERVICE_CAUSE,
      keychainErrorReason: 'no-service',
    });
    expect(report.probe).toEqual({
      available: false,
      backend: SECRET_SERVICE_NAME,
      error: NO_SERVICE_CAUSE,
      reason: 'no-service',
    });
    expect(report.sessionStatus).toMatchObject({ set: true, location: 'session', last4: secret.slice(-4) });
    expect(report.sessionValueMatches).toBe(true);
    expect(result.stdout + result.stderr).not.toContain(secret);
    expect(filesContaining(home, secret)).toEqual([]);
  });
});
