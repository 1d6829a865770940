// Which IP addresses a server on the internet (APIXO) can reach. A reference image must be
// fetchable by APIXO, so a link whose host is on loopback, a private network, link-local (cloud
// metadata lives there) or another non-routable range is refused before a paid request is sent.
import { BlockList, isIP } from 'node:net';

/** Decides whether an address is reachable from the public internet. Tests may inject their own. */
export type AddressPolicy = (address: string) => boolean;

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:10.0.0.1), if it is one. */
function mappedIpv4(address: string): string | null {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? null;
}

export const publicInternetOnly: AddressPolicy = (address) => {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = mappedIpv4(bare);
  if (mapped) return !NOT_PUBLIC.check(mapped, 'ipv4');
  const family = isIP(bare);
  if (family === 4) return !NOT_PUBLIC.check(bare, 'ipv4');
  if (family === 6) return !NOT_PUBLIC.check(bare, 'ipv6');
  return false; // not an address at all: never trusted as public
};

/** The local simulator (demo mode) runs on this machine, so every address is fine there. */
export const anyAddress: AddressPolicy = () => true;

/**
 * Where result links of an APIXO endpoint may lead. The real API's results live on the public
 * internet, so only public addresses. An endpoint on this machine (the built-in simulator, given as
 * null, or one on loopback given as --base-url) serves its results from here too, so it is
 * excepted, as reference links are in demo mode.
 */
export function resultLinkPolicy(apiBaseUrl: string | null, publicPolicy: AddressPolicy): AddressPolicy {
  if (apiBaseUrl === null) return anyAddress;
  let host: string;
  try {
    host = new URL(apiBaseUrl).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return downloadsThrough(publicPolicy);
  }
  const loopback = host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
  return loopback ? anyAddress : downloadsThrough(publicPolicy);
}

const FAKE_IP = new BlockList();
FAKE_IP.addSubnet('198.18.0.0', 15, 'ipv4');

/**
 * `publicPolicy` for what this machine downloads, plus 198.18.0.0/15: proxies in "fake-ip" mode
 * (Clash, Surge, sing-box: common where overseas services need a proxy) answer every name with an
 * address there and carry the connection themselves. Refusing it would let such a user pay for
 * every video and download none; nothing but such a proxy answers there. Reference links keep the
 * plain policy: APIXO's servers could not reach such an address.
 */
function downloadsThrough(publicPolicy: AddressPolicy): AddressPolicy {
  return (address) => {
    const bare = address.replace(/^\[|\]$/g, '');
    const v4 = mappedIpv4(bare) ?? bare;
    return publicPolicy(address) || (isIP(v4) === 4 && FAKE_IP.check(v4, 'ipv4'));
  };
}
