// Plain preferences as JSON values. Secrets never live here (the API key is in the OS keychain):
// keys that look like one are refused so a careless caller cannot write a key into a file that
// gets backed up and shared with the library.
import { StudioError } from '../errors';
import type { LibraryContext } from './context';

const SECRET_LOOKING_KEY = /api[-_. ]?key|secret|password|credential/i;

function assertKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: 'A setting needs a name of 1 to 200 characters.',
    });
  }
  if (SECRET_LOOKING_KEY.test(key)) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `"${key}" looks like a secret. Secrets are kept in the system keychain, never in library settings.`,
    });
  }
}

export function getSetting<T>(ctx: LibraryContext, key: string): T | undefined {
  const value = ctx.stmt('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    ctx.warn(`setting ${key} holds text that is not JSON; ignored`);
    return undefined;
  }
}

/** Stores `value` as JSON; `undefined` removes the setting. */
export function setSetting(ctx: LibraryContext, key: string, value: unknown): void {
  assertKey(key);
  if (value === undefined) {
    ctx.stmt('DELETE FROM settings WHERE key = ?').run(key);
    return;
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `The value of setting ${key} cannot be stored as JSON.`,
      detail: String(error),
    });
  }
  if (json === undefined) {
    throw new StudioError({
      kind: 'invalid_request',
      userMessage: `The value of setting ${key} cannot be stored as JSON.`,
    });
  }
  ctx
    .stmt(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, json, ctx.clock.now());
}
