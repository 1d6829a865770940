import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../../main/core/log';

describe('redactSecrets', () => {
  const secret = 'apx_live_9f8e7d6c5b4a3f2e1d0c';

  it('replaces every occurrence of a known secret, also URL-encoded and JSON-escaped', () => {
    const awsStyle = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCY"x\\y';
    const text = [
      `key ${secret} and again ${secret}`,
      `https://api.example/v1?key=${encodeURIComponent(awsStyle)}`,
      JSON.stringify({ value: awsStyle }),
    ].join('\n');

    const clean = redactSecrets(text, [secret, awsStyle]);

    expect(clean).not.toContain(secret);
    expect(clean).not.toContain('wJalrXUtnFEMI');
    expect(clean.split(REDACTED)).toHaveLength(5);
  });

  it('replaces a longer secret whole even when a shorter secret is part of it', () => {
    expect(redactSecrets('token abcdef123456', ['abc', 'abcdef123456'])).toBe(`token ${REDACTED}`);
  });

  it('hides bearer tokens and Authorization values it was never told about', () => {
    expect(redactSecrets('Authorization: Bearer eyJhbGciOi.J9.sig-_x', [])).toBe(
      `Authorization: ${REDACTED}`,
    );
    expect(redactSecrets('curl -H "authorization: Basic Zm9vOmJhcg=="', [])).toBe(
      `curl -H "authorization: ${REDACTED}"`,
    );
    expect(redactSecrets('{"Authorization":"Bearer abc$def","x":1}', [])).toBe(
      `{"Authorization":"${REDACTED}","x":1}`,
    );
    expect(redactSecrets('sent Bearer s3cr3t+/= to the server', [])).toBe(
      `sent Bearer ${REDACTED} to the server`,
    );
    expect(redactSecrets('proxy-authorization=abc123', [])).toBe(`proxy-authorization=${REDACTED}`);
  });

  it('leaves ordinary prose alone', () => {
    const prose = 'authorization failed; the bearer of bad news waited 3 s';
    expect(redactSecrets(prose, [])).toBe(prose);
    expect(redactSecrets(prose, ['', 'zzz'])).toBe(prose);
  });
});
