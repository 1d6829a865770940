// Image links are fetched the way APIXO would fetch them, against real HTTP servers on loopback.
// 127.0.0.1 plays "the public internet" through an injected address policy, so that redirects to
// genuinely private addresses can be tested; the real policy is tested on its own below.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStudioError } from '../../../main/core/errors';
import { type AddressPolicy, publicInternetOnly } from '../../../main/core/net/address-policy';
import { fetchImageUrl } from '../../../main/core/references/fetch-image-url';
import { type LocalServer, startLocalServer } from '../../demo/sim-http';
import { fixtureImage } from '../../helpers/images';

const loopbackIsPublic: AddressPolicy = (address) => address === '127.0.0.1' || publicInternetOnly(address);
const png = fixtureImage('still-80x64.png');
let server: LocalServer;

beforeEach(async () => {
  server = await startLocalServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const to = url.searchParams.get('to');
    if (url.pathname === '/redirect' && to) {
      res.writeHead(302, { location: to });
      res.end();
    } else if (url.pathname.startsWith('/loop/')) {
      const n = Number(url.pathname.split('/')[2]);
      res.writeHead(301, { location: `/loop/${n + 1}` });
      res.end();
    } else if (url.pathname === '/still.png') {
      res.end(png);
    } else if (url.pathname === '/big.png') {
      res.setHeader('content-length', 2048);
      res.end(Buffer.alloc(2048));
    } else if (url.pathname === '/big-chunked.png') {
      res.write(Buffer.alloc(1500));
      res.end(Buffer.alloc(1500));
    } else if (url.pathname === '/silent.png') {
      // never answers
    } else {
      res.statusCode = 404;
      res.end('no');
    }
  });
});
afterEach(async () => {
  await server.close();
});

async function refusal(url: string, policy: AddressPolicy = loopbackIsPublic, extra = {}): Promise<string> {
  try {
    await fetchImageUrl(url, { policy, maxBytes: 1024 * 1024, ...extra });
  } catch (error) {
    if (isStudioError(error) && error.kind === 'invalid_image') return error.userMessage;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('fetchImageUrl', () => {
  it('fetches the bytes, following a redirect to a public address', async () => {
    const fetched = await fetchImageUrl(`${server.url}/redirect?to=/still.png`, {
      policy: loopbackIsPublic,
      maxBytes: 1024 * 1024,
    });
    expect(Buffer.from(fetched.bytes).equals(png)).toBe(true);
    expect(fetched.finalUrl).toBe(`${server.url}/still.png`);
    expect(server.requests.map((r) => r.path)).toEqual(['/redirect?to=/still.png', '/still.png']);
  });

  it('refuses a loopback host for the real API, without connecting', async () => {
    expect(await refusal(`${server.url}/still.png`, publicInternetOnly)).toMatch(
      /The link's host 127\.0\.0\.1 is a private or local address \(127\.0\.0\.1\)\. APIXO fetches the image from its own servers/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host NAME that resolves to loopback (checked at connect time)', async () => {
    const port = new URL(server.url).port;
    expect(await refusal(`http://localhost:${port}/still.png`, publicInternetOnly)).toMatch(
      /The link's host localhost is a private or local address \((127\.0\.0\.1|::1)\)/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['a private network', 'http://10.20.30.40/photo.jpg', '10.20.30.40'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['IPv6 loopback', 'http://[::1]:8080/photo.jpg', '::1'],
    ['another loopback address', 'http://127.0.0.2/photo.jpg', '127.0.0.2'],
  ])('refuses a redirect to %s', async (_name, target, address) => {
    const message = await refusal(`${server.url}/redirect?to=${encodeURIComponent(target)}`);
    expect(message).toContain(`redirects to`);
    expect(message).toContain(`private or local address (${address})`);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a redirect that puts credentials in the link', async () => {
    const target = encodeURIComponent(`http://user:pass@127.0.0.1:${new URL(server.url).port}/still.png`);
    expect(await refusal(`${server.url}/redirect?to=${target}`)).toMatch(
      /redirects to .* contains a user name or password/,
    );
  });

  it.each([
    [
      'credentials',
      () => `http://me:secret@127.0.0.1:${new URL(server.url).port}/still.png`,
      /contains a user name or password/,
    ],
    ['ftp', () => 'ftp://example.com/a.png', /must start with http:\/\/ or https:\/\/ \(it is ftp:\)/],
    ['file', () => 'file:///etc/passwd', /must start with http:\/\/ or https:\/\/ \(it is file:\)/],
    ['blob', () => 'blob:https://example.com/4f1c', /exists only inside the page it was dragged from/],
    ['not a URL', () => 'my photo.jpg', /is not a web address/],
  ])('refuses a link with %s before any request', async (_name, make, message) => {
    expect(await refusal(make())).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it('gives up after five redirects', async () => {
    expect(await refusal(`${server.url}/loop/0`)).toMatch(/redirects more than 5 times/);
    expect(server.requests).toHaveLength(6);
  });

  it('says what the server answered for a missing image', async () => {
    expect(await refusal(`${server.url}/gone.png`)).toMatch(
      /The server at 127\.0\.0\.1:\d+ answered HTTP 404 for the image link, so APIXO could not fetch it either/,
    );
  });

  it('refuses a link where nothing listens', async () => {
    const port = new URL(server.url).port;
    await server.close();
    expect(await refusal(`http://127.0.0.1:${port}/still.png`)).toMatch(
      /cannot be fetched\. Nothing is listening at 127\.0\.0\.1:\d+ \(connection refused\)/,
    );
    server = await startLocalServer(() => {});
  });

  it('gives up on a server that does not answer in time', async () => {
    expect(await refusal(`${server.url}/silent.png`, loopbackIsPublic, { timeoutMs: 300 })).toMatch(
      /127\.0\.0\.1:\d+ did not answer in time/,
    );
  });

  it.each(['/big.png', '/big-chunked.png'])('stops reading %s past the size cap', async (path) => {
    expect(await refusal(`${server.url}${path}`, loopbackIsPublic, { maxBytes: 1024 })).toMatch(
      /larger than 0 MB|larger than/,
    );
  });
});

describe('publicInternetOnly', () => {
  it.each([
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['10.0.0.1', false],
    ['172.16.5.4', false],
    ['172.32.0.1', true],
    ['192.168.1.10', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd12:3456::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['not-an-ip', false],
  ])('%s → %s', (address, expected) => {
    expect(publicInternetOnly(address)).toBe(expected);
  });
});
