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
    ['https://api.apixo.ai/api/v1', publicInternetOnly],
    // A server elsewhere on the network is not "this machine": its links are checked.
    ['http://192.168.1.20/api/v1', publicInternetOnly],
    ['not a url', publicInternetOnly],
  ])('API at %s', (baseUrl, expected) => {
    expect(resultLinkPolicy(baseUrl, publicInternetOnly)).toBe(expected);
  });
});
