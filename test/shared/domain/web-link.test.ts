import { describe, expect, it } from 'vitest';
import { checkWebLink } from '../../../shared/domain/web-link';

describe('checkWebLink', () => {
  it('takes http(s) links', () => {
    expect(checkWebLink('https://example.com/a.jpg')).toBeNull();
    expect(checkWebLink('  http://minio.local:9000  ')).toBeNull();
  });

  it('says text without a scheme is not a link', () => {
    expect(checkWebLink('not a url')).toEqual({ problem: 'not_a_link' });
    expect(checkWebLink('example.com/a.jpg')).toEqual({ problem: 'not_a_link' });
    // A host and port is not an "example.com:" scheme.
    expect(checkWebLink('example.com:8080/a.jpg')).toEqual({ problem: 'not_a_link' });
    expect(checkWebLink('https://')).toEqual({ problem: 'not_a_link' });
  });

  it('names the scheme it will not use', () => {
    expect(checkWebLink('ftp://files.example.com/a.jpg')).toEqual({ problem: 'scheme', scheme: 'ftp:' });
    expect(checkWebLink('javascript:alert(1)')).toEqual({ problem: 'scheme', scheme: 'javascript:' });
    expect(checkWebLink('FILE:///etc/passwd')).toEqual({ problem: 'scheme', scheme: 'file:' });
    expect(checkWebLink('data:image/png;base64,AAAA')).toEqual({ problem: 'scheme', scheme: 'data:' });
  });

  it('takes data: and blob: only where the field allows them', () => {
    const image = ['http:', 'https:', 'data:', 'blob:'];
    expect(checkWebLink('data:image/png;base64,AAAA', image)).toBeNull();
    expect(checkWebLink('ftp://x/a.jpg', image)).toEqual({ problem: 'scheme', scheme: 'ftp:' });
  });

  it('refuses a user name or password in the link', () => {
    expect(checkWebLink('https://user:secret@example.com/a.jpg')).toEqual({ problem: 'credentials' });
  });
});
