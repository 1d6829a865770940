// Where the API key may go, decided in one place: the documented APIXO origin over https, the
// simulator on loopback, a loopback URL from the flag or the variable, and another https server
// only with the explicit opt-in. The client takes nothing but a KeyDestination.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApixoClient } from '../../../main/core/apixo/client';
import {
  DEFAULT_BASE_URL,
  isLoopbackHost,
  KeyDestination,
  resolveKeyDestination,
} from '../../../main/core/apixo/key-destination';
import { RateLimiter } from '../../../main/core/apixo/rate-limiter';
import { systemClock } from '../../../main/core/clock';
import { type RecordingServer, startRecordingServer } from '../../helpers/recording-server';

const KEY = 'sk-live-0123456789abcdef';

let evil: RecordingServer;
beforeAll(async () => {
  evil = await startRecordingServer();
});
afterAll(() => evil.close());

describe('resolveKeyDestination', () => {
  it('is the documented APIXO API when nothing is given', () => {
    const destination = resolveKeyDestination({ env: {} });
    expect(destination.baseUrl).toBe(DEFAULT_BASE_URL);
    expect(destination.source).toBe('default');
  });

  it.each([
    ['http://127.0.0.1:8080/api/v1', 'http://127.0.0.1:8080/api/v1'],
    ['http://127.5.6.7:1/api/v1/', 'http://127.5.6.7:1/api/v1'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:3000/api/v1', 'http://[::1]:3000/api/v1'],
    ['https://api.apixo.ai/api/v1', 'https://api.apixo.ai/api/v1'],
  ])('accepts %s from the flag or the variable', (raw, expected) => {
    expect(resolveKeyDestination({ flag: raw, env: {} }).baseUrl).toBe(expected);
    const fromEnv = resolveKeyDestination({ env: { WAN_STUDIO_API_BASE_URL: raw } });
    expect(fromEnv.baseUrl).toBe(expected);
    expect(fromEnv.source).toBe('environment');
  });

  it.each([
    ['http://api.apixo.ai/api/v1', /points at http:\/\/api\.apixo\.ai/],
    ['http://evil.example/api/v1', /points at http:\/\/evil\.example/],
    ['https://evil.example/api/v1', /WAN_STUDIO_ALLOW_CUSTOM_API=1/],
    ['http://10.0.0.5/api/v1', /only to https:\/\/api\.apixo\.ai or to a server on this computer/],
    ['http://127.0.0.1.evil.example/', /points at/],
    ['https://user:pass@api.apixo.ai/api/v1', /user name or password/],
    ['file:///etc/passwd', /must be an http\(s\) URL/],
    ['not a url', /must be an http\(s\) URL/],
  ])('refuses %s with a clear reason', (raw, reason) => {
    expect(() => resolveKeyDestination({ env: { WAN_STUDIO_API_BASE_URL: raw } })).toThrow(reason);
    expect(() => resolveKeyDestination({ flag: raw, env: {} })).toThrow(/--base-url/);
  });

  it('allows another https server only with WAN_STUDIO_ALLOW_CUSTOM_API=1, and never plain http', () => {
    const optIn = { WAN_STUDIO_ALLOW_CUSTOM_API: '1' };
    expect(
      resolveKeyDestination({ env: { ...optIn, WAN_STUDIO_API_BASE_URL: 'https://proxy.example/v1' } })
        .baseUrl,
    ).toBe('https://proxy.example/v1');
    expect(() =>
      resolveKeyDestination({ env: { ...optIn, WAN_STUDIO_API_BASE_URL: 'http://proxy.example/v1' } }),
    ).toThrow(/points at http:\/\/proxy\.example/);
  });

  it('prefers the flag over the variable', () => {
    const destination = resolveKeyDestination({
      flag: 'http://127.0.0.1:1/api/v1',
      env: { WAN_STUDIO_API_BASE_URL: 'http://127.0.0.1:2/api/v1' },
    });
    expect(destination).toMatchObject({ baseUrl: 'http://127.0.0.1:1/api/v1', source: 'flag' });
  });

  it('knows loopback from look-alikes', () => {
    expect(['localhost', '127.0.0.1', '127.255.0.9', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(
      ['localhost.evil.example', '128.0.0.1', '[::2]', '10.0.0.1', 'example.com'].some(isLoopbackHost),
    ).toBe(false);
  });

  it('takes the simulator only on loopback', () => {
    expect(KeyDestination.localSimulator('http://127.0.0.1:9/api/v1').source).toBe('simulator');
    expect(() => KeyDestination.localSimulator('http://sim.example/api/v1')).toThrow(/loopback/);
  });
});

describe('ApixoClient', () => {
  const clientOptions = {
    getApiKey: async () => KEY,
    limiter: new RateLimiter({ clock: systemClock }),
    clock: systemClock,
    timeoutMs: 2_000,
  };

  it('refuses a look-alike destination, so nothing but the rule can point the key somewhere', async () => {
    const lookAlike = {
      baseUrl: evil.url,
      source: 'default',
      urlFor: (path: string) => `${evil.url}${path}`,
    } as unknown as KeyDestination;
    expect(() => new ApixoClient({ ...clientOptions, destination: lookAlike })).toThrow(/KeyDestination/);
    expect(evil.requests).toHaveLength(0);
  });

  it('attaches the key to an allowed loopback destination (the test server stands in for APIXO)', async () => {
    const client = new ApixoClient({
      ...clientOptions,
      destination: resolveKeyDestination({ flag: `${evil.url}/api/v1`, env: {} }),
    });
    expect(await client.balance()).toBe(999);
    expect(evil.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
