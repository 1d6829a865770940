import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/core/http/csp';
import { APP_SECURITY_HEADERS } from '../../main/electron/app-protocol';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: wan-media:; " +
        "media-src 'self' blob: wan-media:; connect-src 'self' wan-media:; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows scripts only from the app itself', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval|hashes)|wasm-unsafe-eval|\*/);
  });

  it('lets media and images come from our library protocol but not from the web', () => {
    expect(policy.get('media-src')).toContain('wan-media:');
    expect(policy.get('img-src')).toContain('wan-media:');
    // Frames are decoded from byte ranges the UI fetches from the library protocol.
    expect(policy.get('connect-src')).toEqual(["'self'", 'wan-media:']);
    for (const sources of policy.values()) {
      expect(sources.some((source) => /^https?:/.test(source))).toBe(false);
    }
  });

  it('is sent as a header with every app response', () => {
    expect(APP_SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  // The browser host's UI also talks to a loopback WebSocket; that is the one source the meta tag
  // may add. In Electron the header applies too, and the stricter of the two policies wins.
  it.runIf(existsSync('renderer/index.html'))('matches the meta tag in renderer/index.html', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBeDefined();
    const metaPolicy = directives(meta?.[1] ?? '');
    expect([...metaPolicy.keys()].sort()).toEqual([...policy.keys()].sort());
    for (const [name, sources] of policy) {
      const metaSources = metaPolicy.get(name) ?? [];
      if (name !== 'connect-src') {
        expect(metaSources, name).toEqual(sources);
        continue;
      }
      expect(metaSources).toEqual(expect.arrayContaining(sources));
      const extra = metaSources.filter((source) => !sources.includes(source));
      for (const source of extra) expect(source).toMatch(/^ws:\/\/(127\.0\.0\.1|localhost):\*$/);
    }
  });
});
