import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, MEDIA_BASE_URL } from '../../main/electron/app-identity';
import { PRIVILEGED_SCHEMES } from '../../main/electron/schemes';

function privilegesOf(scheme: string) {
  const entry = PRIVILEGED_SCHEMES.find((candidate) => candidate.scheme === scheme);
  expect(entry, scheme).toBeDefined();
  return entry?.privileges ?? {};
}

describe('PRIVILEGED_SCHEMES', () => {
  it('registers exactly our two schemes', () => {
    expect(PRIVILEGED_SCHEMES.map((entry) => entry.scheme).sort()).toEqual(['wan-media', 'wan-studio']);
  });

  it('makes the UI scheme a standard secure origin without fetch or CSP bypass', () => {
    const privileges = privilegesOf('wan-studio');
    expect(privileges.standard).toBe(true);
    expect(privileges.secure).toBe(true);
    expect(privileges.supportFetchAPI ?? false).toBe(false);
    expect(privileges.corsEnabled ?? false).toBe(false);
    expect(privileges.bypassCSP ?? false).toBe(false);
    expect(privileges.allowServiceWorkers ?? false).toBe(false);
  });

  it('lets the media scheme stream (seeking) and be fetched by the UI for frames, without CSP bypass', () => {
    const privileges = privilegesOf('wan-media');
    expect(privileges.stream).toBe(true);
    expect(privileges.secure).toBe(true);
    // supportFetchAPI without CORS is the cross-origin read hole (anchors §4.4): fetch only with
    // CORS on, whose handler allows the UI origin alone (test/electron/protocols.test.ts).
    expect(privileges.supportFetchAPI).toBe(true);
    expect(privileges.corsEnabled).toBe(true);
    expect(privileges.bypassCSP ?? false).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts our UI origin only', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl(APP_ORIGIN)).toBe(true);
    expect(isAppUrl(`${MEDIA_BASE_URL}/a.mp4`)).toBe(false);
    expect(isAppUrl('wan-studio://app.evil/')).toBe(false);
    expect(isAppUrl('https://app/')).toBe(false);
    expect(isAppUrl('wan-studio://u:p@app/')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });
});
