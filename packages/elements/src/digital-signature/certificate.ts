/**
 * Reads the few facts of an X.509 certificate a person checks before signing — who, issued by
 * whom, serial, validity — straight from its DER. The element shows them, and refuses an expired
 * certificate, without fetching the signing package (pkijs) before the person presses Sign.
 */

/** What the element shows of the signer's certificate. */
export interface CertificateSummary {
  /** The subject's common name, or the whole subject when it has none. */
  readonly holder: string;
  /** The subject's organisation (O), when it has one. */
  readonly organization: string | undefined;
  /** The issuer's common name, or the whole issuer name. */
  readonly issuer: string;
  /** Serial number, upper-case hexadecimal. */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

interface Node {
  readonly tag: number;
  /** Content start and end offsets. */
  readonly start: number;
  readonly end: number;
}

function node(der: Uint8Array, offset: number): Node {
  const tag = der[offset];
  let length = der[offset + 1];
  if (tag === undefined || length === undefined) throw new RangeError('truncated DER');
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes > 4) throw new RangeError('DER length too large');
    length = 0;
    for (let i = 0; i < bytes; i += 1) length = length * 256 + (der[start + i] ?? 0);
    start += bytes;
  }
  const end = start + length;
  if (end > der.length) throw new RangeError('truncated DER');
  return { tag, start, end };
}

function children(der: Uint8Array, parent: Node): Node[] {
  const list: Node[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = node(der, offset);
    list.push(child);
    offset = child.end;
  }
  return list;
}

function oid(der: Uint8Array, { start, end }: Node): string {
  const parts: number[] = [];
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const byte = der[i] ?? 0;
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (parts.length) parts.push(value);
      else {
        // The first two arcs share the first number: 40 × first + second.
        const first = Math.min(Math.floor(value / 40), 2);
        parts.push(first, value - first * 40);
      }
      value = 0;
    }
  }
  return parts.join('.');
}

function text(der: Uint8Array, { tag, start, end }: Node): string {
  const bytes = der.subarray(start, end);
  if (tag === 0x1e) {
    // BMPString: UTF-16 big-endian.
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    }
    return out;
  }
  // UTF8String; PrintableString and IA5String are ASCII, which UTF-8 reads alike.
  return new TextDecoder().decode(bytes);
}

const SHORT: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

function name(der: Uint8Array, sequence: Node): Map<string, string> {
  const entries = new Map<string, string>();
  for (const set of children(der, sequence)) {
    for (const pair of children(der, set)) {
      const [type, value] = children(der, pair);
      if (!type || !value) continue;
      const key = SHORT[oid(der, type)];
      if (key && !entries.has(key)) entries.set(key, text(der, value));
    }
  }
  return entries;
}

function whole(entries: Map<string, string>): string {
  return [...entries].map(([key, value]) => `${key}=${value}`).join(', ');
}

function time(der: Uint8Array, item: Node): Date {
  const value = text(der, item);
  const match =
    item.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(value)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(value);
  if (!match) throw new RangeError(`unreadable certificate time ${value}`);
  const [, y, mo, d, h, mi, s] = match;
  let year = Number(y);
  // RFC 5280 §4.1.2.5.1: two-digit years 50–99 are 19xx, 00–49 are 20xx.
  if (item.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
}

/** Reads a DER certificate; throws a `RangeError` when it is not one. */
export function summarizeCertificate(der: Uint8Array): CertificateSummary {
  const certificate = node(der, 0);
  const [tbs] = children(der, certificate);
  if (certificate.tag !== 0x30 || tbs?.tag !== 0x30) throw new RangeError('not a certificate');
  const fields = children(der, tbs);
  // The version, [0] EXPLICIT, is absent from version 1 certificates.
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [serial, , issuer, validity, subject] = rest;
  if (!serial || !issuer || !validity || !subject) throw new RangeError('not a certificate');
  const [notBefore, notAfter] = children(der, validity);
  if (!notBefore || !notAfter) throw new RangeError('not a certificate');
  let serialBytes = der.subarray(serial.start, serial.end);
  while (serialBytes.length > 1 && serialBytes[0] === 0) serialBytes = serialBytes.subarray(1);
  const subjectName = name(der, subject);
  const issuerName = name(der, issuer);
  return {
    holder: subjectName.get('CN') ?? whole(subjectName),
    organization: subjectName.get('O'),
    issuer: issuerName.get('CN') ?? whole(issuerName),
    serialNumber: Array.from(serialBytes, (byte) => byte.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase(),
    notBefore: time(der, notBefore),
    notAfter: time(der, notAfter),
  };
}
