import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the server may be believed about the client's address. Without one
 * (the default) the address is the socket's and `X-Forwarded-For` is ignored: any client can
 * write that header, so believing it lets anyone pick the address their rate limit is counted
 * under.
 */
export type TrustedProxy =
  | { readonly kind: 'none' }
  /** This many proxies always stand in front (e.g. 1 behind one nginx): take the address the first of them saw. */
  | { readonly kind: 'hops'; readonly hops: number }
  /** Proxies at these addresses or CIDR ranges: walk `X-Forwarded-For` from the right past them. */
  | { readonly kind: 'ranges'; readonly ranges: readonly string[] };

/**
 * Reads `TRUST_PROXY`: empty or `none`; a hop count (`1`); or a comma-separated list of
 * addresses and CIDR ranges (`10.0.0.0/8, 192.168.1.5, fd00::/8`). Throws with a clear message
 * on anything else, so that a typo never silently trusts every client.
 */
export function parseTrustedProxy(value: string | undefined): TrustedProxy {
  const text = (value ?? '').trim();
  if (text === '' || text.toLowerCase() === 'none' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error(`TRUST_PROXY hop count must be 0–10, got ${text}.`);
    return { kind: 'hops', hops };
  }
  const ranges = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const range of ranges) {
    if (!rangeParts(range)) {
      throw new Error(
        `TRUST_PROXY: "${range}" is neither an IP address nor a CIDR range (e.g. 10.0.0.0/8).`,
      );
    }
  }
  return { kind: 'ranges', ranges };
}

/** Finds the client's address from the socket address and `X-Forwarded-For`, as `trust` allows. */
export function clientAddressResolver(
  trust: TrustedProxy,
): (socketAddress: string | undefined, forwardedFor: string | undefined) => string {
  const list = new BlockList();
  if (trust.kind === 'ranges') {
    for (const range of trust.ranges) {
      const [address, prefix, family] = rangeParts(range) as [string, number, 'ipv4' | 'ipv6'];
      list.addSubnet(address, prefix, family);
    }
  }
  const trusted = (address: string) => {
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    return list.check(address, family);
  };
  return (socketAddress, forwardedFor) => {
    const socket = normalizeAddress(socketAddress) ?? 'unknown';
    if (trust.kind === 'none' || !forwardedFor) return socket;
    // Only the header's length we are willing to read: a proxy appends one entry per hop.
    const hops = forwardedFor.slice(0, 2048).split(',');
    if (trust.kind === 'hops') {
      if (trust.hops === 0) return socket;
      // Each trusted proxy appended the address it saw; the client wrote anything to the left.
      const entry = hops[hops.length - trust.hops];
      return normalizeAddress(entry?.trim()) ?? socket;
    }
    if (!trusted(socket)) return socket;
    for (let i = hops.length - 1; i >= 0; i--) {
      const address = normalizeAddress(hops[i]?.trim());
      // A malformed entry right of the client means a proxy we trust passed garbage: stop there.
      if (!address) return socket;
      if (!trusted(address)) return address;
    }
    return socket;
  };
}

/**
 * The key rate limits count an address under: an IPv4 address as is; an IPv6 address by its
 * /64 prefix, since one subscriber usually holds a whole /64 and could otherwise rotate through
 * 2^64 addresses.
 */
export function rateLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function normalizeAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  let value = address;
  if (value.startsWith('[') && value.includes(']')) value = value.slice(1, value.indexOf(']'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  return isIP(value) ? value.toLowerCase() : undefined;
}

function rangeParts(range: string): [string, number, 'ipv4' | 'ipv6'] | undefined {
  const [address = '', prefixText] = range.split('/');
  const version = isIP(address);
  if (!version) return undefined;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || prefixText === '')
    return undefined;
  return [address, prefix, version === 4 ? 'ipv4' : 'ipv6'];
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = address.includes('::')
    ? [...left, ...Array(Math.max(0, missing)).fill('0'), ...right]
    : left;
  return groups.map((group) => (group.includes('.') ? group : group.padStart(4, '0')));
}
