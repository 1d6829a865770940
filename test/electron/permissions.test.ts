import { describe, expect, it } from 'vitest';
import { permissionAllowed } from '../../main/electron/permissions';

describe('permissionAllowed', () => {
  it('lets our UI go fullscreen and write to the clipboard', () => {
    expect(permissionAllowed('fullscreen', 'wan-studio://app/index.html')).toBe(true);
    // The permission check handler receives an origin, not a URL.
    expect(permissionAllowed('clipboard-sanitized-write', 'wan-studio://app')).toBe(true);
  });

  it('denies everything else, to everyone', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'display-capture',
      'hid',
      'usb',
      'serial',
      'unknown',
    ]) {
      expect(permissionAllowed(permission, 'wan-studio://app/index.html'), permission).toBe(false);
    }
  });

  it('denies even the allowed permissions to other origins', () => {
    expect(permissionAllowed('fullscreen', 'https://example.com/')).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', 'file:///tmp/x.html')).toBe(false);
    expect(permissionAllowed('fullscreen', '')).toBe(false);
  });
});
