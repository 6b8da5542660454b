import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { DomainError } from '../services/domain-error.js';

/**
 * Where webhooks may go. A webhook URL is set by an administrator, but the server is the one
 * that connects: pointed at `http://169.254.169.254/` (a cloud's metadata service),
 * `http://localhost:5432/` or a host of the agency's internal network, it would make the server
 * a proxy into places its callers cannot reach (server-side request forgery). So by default a
 * webhook goes only to a public address over HTTPS, and the address is checked where the
 * connection is made — a name that resolves to a public address when the endpoint is saved and
 * to an internal one later (DNS rebinding) is refused then too.
 *
 * `allowPrivateNetworks` (`WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`) lifts both rules, for a receiver
 * on the agency's own network or a developer's machine.
 */
export interface WebhookTargetPolicy {
  readonly allowPrivateNetworks: boolean;
}

export const DEFAULT_WEBHOOK_POLICY: WebhookTargetPolicy = { allowPrivateNetworks: false };

/**
 * Addresses that are not on the public internet (IANA special-purpose registries): this host,
 * private and shared (carrier-grade NAT) networks, link-local (cloud metadata), documentation,
 * benchmarking, multicast and reserved ranges.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/**
 * Whether `address` (an IPv4 or IPv6 literal) is a public internet address. An IPv6 address that
 * carries an IPv4 one — IPv4-mapped (`::ffff:127.0.0.1`), IPv4-compatible, or NAT64
 * (`64:ff9b::a9fe:a9fe`) — is judged by the IPv4 address it reaches.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return !NOT_PUBLIC.check(bare, 'ipv4');
  if (family !== 6) return false;
  const embedded = embeddedIpv4(bare);
  if (embedded) return isPublicAddress(embedded);
  return !NOT_PUBLIC.check(bare, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const words = expandIpv6(address);
  if (!words) return undefined;
  const [w0, w1, , , , w5, w6 = 0, w7 = 0] = words;
  const zeros = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  const mapped = zeros(0, 5) && w5 === 0xffff;
  const compatible = zeros(0, 6) && (w6 !== 0 || w7 > 1);
  const nat64 = w0 === 0x64 && w1 === 0xff9b && zeros(2, 6);
  if (!mapped && !compatible && !nat64) return undefined;
  return [w6 >> 8, w6 & 0xff, w7 >> 8, w7 & 0xff].join('.');
}

/** The eight 16-bit words of an IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function expandIpv6(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const part = (s: string | undefined) =>
    s ? s.split(':').map((w) => Number.parseInt(w, 16)) : [];
  const left = part(head);
  const right = part(tail);
  const words =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff)
    ? words
    : undefined;
}

const refused = (en: string, vi: string) =>
  new DomainError(
    'invalid',
    { vi, en },
    {
      subcode: 'webhook_target',
      errors: [{ path: 'url', code: 'webhook_target', message: { vi, en } }],
    },
  );

/**
 * Checks an endpoint's URL when an administrator saves it: HTTPS, no credentials in the URL, and
 * a host that resolves only to public addresses (unless the policy allows private networks).
 * Throws a DomainError (`invalid`, subcode `webhook_target`) saying which rule it breaks.
 */
export async function checkWebhookUrl(url: string, policy: WebhookTargetPolicy): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refused('The webhook URL is not a URL.', 'Địa chỉ webhook không phải là một URL.');
  }
  if (parsed.username || parsed.password) {
    throw refused(
      'A webhook URL must not carry a user name or password; the signature authenticates the server.',
      'Địa chỉ webhook không được chứa tên đăng nhập hay mật khẩu; chữ ký đã xác thực máy chủ gửi.',
    );
  }
  if (policy.allowPrivateNetworks) return;
  if (parsed.protocol !== 'https:') {
    throw refused(
      'A webhook URL must use https: the messages carry dossier details.',
      'Địa chỉ webhook phải dùng https: thông báo có thông tin hồ sơ.',
    );
  }
  let addresses: string[];
  try {
    addresses = await resolveAll(parsed.hostname);
  } catch {
    throw refused(
      `The host ${parsed.hostname} of the webhook URL cannot be resolved.`,
      `Không phân giải được tên máy ${parsed.hostname} của địa chỉ webhook.`,
    );
  }
  const internal = addresses.find((address) => !isPublicAddress(address));
  if (internal !== undefined) {
    throw refused(
      `The webhook URL leads to ${internal}, an address that is not on the public internet. To send webhooks into a private network, the operator sets WEBHOOK_ALLOW_PRIVATE_NETWORKS=true.`,
      `Địa chỉ webhook dẫn tới ${internal}, không phải địa chỉ Internet công cộng. Muốn gửi webhook vào mạng nội bộ, người vận hành đặt WEBHOOK_ALLOW_PRIVATE_NETWORKS=true.`,
    );
  }
}

async function resolveAll(hostname: string): Promise<string[]> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return [bare];
  const found = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(bare, { all: true, verbatim: true }, (error, list) =>
      error ? reject(error) : resolve(list),
    ),
  );
  if (!found.length) throw new Error(`no address for ${bare}`);
  return found.map((entry) => entry.address);
}

/** A connection refused by the policy: permanent until an administrator changes the endpoint. */
export class WebhookTargetError extends Error {
  override name = 'WebhookTargetError';
}

/**
 * The `lookup` of the webhook's connection: the system resolver, keeping only public addresses,
 * so the address checked is the address connected to. Where none is public, the connection
 * fails with a WebhookTargetError.
 */
export function publicOnlyLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const list = (found as LookupAddress[]).filter((entry) => isPublicAddress(entry.address));
      if (!list.length) {
        const addresses = (found as LookupAddress[]).map((entry) => entry.address).join(', ');
        callback(
          new WebhookTargetError(
            `${hostname} resolves to ${addresses || 'nothing'}, not a public address (WEBHOOK_ALLOW_PRIVATE_NETWORKS is off).`,
          ),
          '',
          0,
        );
        return;
      }
      if (options.all) (callback as unknown as (e: null, l: LookupAddress[]) => void)(null, list);
      else {
        const [first] = list as [LookupAddress];
        callback(null, first.address, first.family);
      }
    });
  };
}

/** Refuses a URL whose host is an address literal that is not public (no lookup happens then). */
export function checkLiteralTarget(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isPublicAddress(host)) {
    throw new WebhookTargetError(
      `${host} is not a public address (WEBHOOK_ALLOW_PRIVATE_NETWORKS is off).`,
    );
  }
}
