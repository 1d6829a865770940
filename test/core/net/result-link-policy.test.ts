// Which addresses result links may lead to: the public internet for the real API, anything for an
// APIXO endpoint on this machine (the simulator), whose results are served from here as well.
import { describe, expect, it } from 'vitest';
import { anyAddress, publicInternetOnly, resultLinkPolicy } from '../../../main/core/net/address-policy';

describe('resultLinkPolicy', () => {
  it.each([
    [null, anyAddress],
    ['http://127.0.0.1:4100/api/v1', anyAddress],
    ['http://localhost:4100/api/v1', anyAddress],
    ['http://[::1]:4100/api/v1', anyAddress],
  ])('API at %s: any address', (baseUrl, expected) => {
    expect(resultLinkPolicy(baseUrl, publicInternetOnly)).toBe(expected);
  });

  it.each([
    'https://api.apixo.ai/api/v1',
    // A server elsewhere on the network is not "this machine": its links are checked.
    'http://192.168.1.20/api/v1',
    'not a url',
  ])("API at %s: public addresses, and a fake-ip proxy's", (baseUrl) => {
    const policy = resultLinkPolicy(baseUrl, publicInternetOnly);
    expect(policy('104.18.2.3')).toBe(true);
    expect(policy('198.18.0.7')).toBe(true); // Clash / sing-box fake-ip answers
    expect(policy('::ffff:198.19.255.1')).toBe(true);
    for (const refused of [
      '127.0.0.1',
      '10.0.0.5',
      '169.254.169.254',
      '192.168.1.20',
      '198.51.100.9',
      '::1',
    ]) {
      expect(policy(refused)).toBe(false);
    }
    // Reference links (APIXO fetches them) keep the plain rule: it could not reach a fake-ip address.
    expect(publicInternetOnly('198.18.0.7')).toBe(false);
  });
});
