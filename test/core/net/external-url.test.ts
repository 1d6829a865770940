import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../../../main/core/net/external-url';

describe('safeExternalUrl', () => {
  it('passes plain web links through, normalised', () => {
    expect(safeExternalUrl('https://apixo.ai/pricing')).toBe('https://apixo.ai/pricing');
    expect(safeExternalUrl('http://example.com')).toBe('http://example.com/');
    expect(safeExternalUrl('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'file:///etc/passwd',
      'file://server/share/x.exe',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://host/share',
      'ms-settings:privacy',
      'wan-studio://app/index.html',
      'wan-media://library/a.mp4',
      'mailto:someone@example.com',
      'vbscript:msgbox',
      'ftp://example.com/',
    ]) {
      expect(safeExternalUrl(url), url).toBeNull();
    }
  });

  it('refuses links with credentials, malformed links and non-strings', () => {
    expect(safeExternalUrl('https://apixo.ai@evil.example/')).toBeNull();
    expect(safeExternalUrl('https://user:pw@example.com/')).toBeNull();
    expect(safeExternalUrl('not a url')).toBeNull();
    expect(safeExternalUrl('https://')).toBeNull();
    expect(safeExternalUrl('')).toBeNull();
    expect(safeExternalUrl(`https://example.com/${'a'.repeat(5000)}`)).toBeNull();
    expect(safeExternalUrl(undefined)).toBeNull();
    expect(safeExternalUrl({ href: 'https://example.com' })).toBeNull();
  });

  it('is not fooled by whitespace or case around the scheme', () => {
    // The URL parser strips leading spaces/control characters; the result must still be http(s).
    expect(safeExternalUrl('  javascript:alert(1)')).toBeNull();
    expect(safeExternalUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeExternalUrl('\u0000https://example.com')).toBe('https://example.com/');
  });
});
