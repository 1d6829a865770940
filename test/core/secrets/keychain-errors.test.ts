// The raw strings below are the ones @napi-rs/keyring 2.1.2 really produced on Debian 12
// (gnome-keyring 42 in a headless D-Bus session, re-checked while writing the store).
import { describe, expect, it } from 'vitest';
import { explainKeychainError, keychainBackendName } from '../../../main/core/secrets';

const BACKEND = keychainBackendName('linux');

function napiError(messages: string[]): Error {
  // napi-rs nests the same text as a chain of causes.
  return messages.reduceRight<Error | undefined>(
    (cause, message) => new Error(message, { cause }),
    undefined,
  ) as Error;
}

describe('explainKeychainError', () => {
  it.each([
    [
      [
        'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
      ],
      'no-service',
      'No Secret Service is running (install and unlock GNOME Keyring or KWallet)',
    ],
    [
      [
        'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
      ],
      'no-service',
      'No Secret Service is running (install and unlock GNOME Keyring or KWallet)',
    ],
    [
      ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed"],
      'locked',
      'The keyring is locked and could not be unlocked',
    ],
    [
      ["Couldn't access platform storage: Secret Service: no result found"],
      'no-keyring',
      /no default keyring/,
    ],
    [["Couldn't access platform storage: AccessDenied"], 'denied', 'Access to the keychain was denied'],
  ])('maps %j to %s', (messages, reason, cause) => {
    const explained = explainKeychainError(napiError(messages), BACKEND);
    expect(explained.reason).toBe(reason);
    expect(explained.cause).toMatch(cause);
    expect(explained.raw).toBe(messages[0]);
  });

  it('keeps every distinct message of the cause chain for the log, once', () => {
    const error = napiError([
      'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
      'DBus error: The name org.freedesktop.secrets was not provided by any .service files',
      'The name org.freedesktop.secrets was not provided by any .service files',
    ]);
    expect(explainKeychainError(error, BACKEND).raw).toBe(
      'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
    );
    expect(explainKeychainError(napiError(['outer', 'inner']), BACKEND).raw).toBe('outer <- inner');
  });

  it('names the backend and passes an unknown failure through rather than guessing', () => {
    expect(
      explainKeychainError(new Error('errSecInteractionNotAllowed?'), keychainBackendName('darwin')),
    ).toEqual({
      reason: 'other',
      cause: 'The macOS Keychain failed: errSecInteractionNotAllowed?',
      raw: 'errSecInteractionNotAllowed?',
    });
    expect(keychainBackendName('win32')).toBe('Windows Credential Manager');
    expect(BACKEND).toBe('Secret Service (GNOME Keyring / KWallet)');
  });
});
