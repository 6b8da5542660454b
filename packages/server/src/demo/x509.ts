import { createHash, type KeyObject, randomBytes, sign } from 'node:crypto';

/*
 * Just enough DER (ITU-T X.690) to issue the demo certificates with Node's own crypto. The
 * server does not depend on pkijs/asn1js for three certificates it makes once; the signing
 * package, which parses arbitrary certificates, does.
 */

const concat = (parts: readonly Uint8Array[]): Uint8Array => Buffer.concat(parts);

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const content = concat(parts);
  const n = content.length;
  let length: Uint8Array;
  if (n < 0x80) length = Uint8Array.of(n);
  else {
    const bytes: number[] = [];
    for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
    length = Uint8Array.from([0x80 | bytes.length, ...bytes]);
  }
  return concat([Uint8Array.of(tag), length, content]);
}

const sequence = (...parts: Uint8Array[]) => tlv(0x30, ...parts);
const set = (...parts: Uint8Array[]) => tlv(0x31, ...parts);
const explicit = (n: number, ...parts: Uint8Array[]) => tlv(0xa0 + n, ...parts);
const octets = (bytes: Uint8Array) => tlv(0x04, bytes);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text.normalize('NFC'), 'utf8'));
const printable = (text: string) => tlv(0x13, Buffer.from(text, 'ascii'));
const TRUE = Uint8Array.of(0x01, 0x01, 0xff);

/** A non-negative INTEGER from big-endian bytes (a leading 0 keeps the sign bit clear). */
function unsigned(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = bytes.subarray(start);
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed);
}

function oid(dotted: string): Uint8Array {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128))
      base128.unshift(0x80 | (value & 0x7f));
    bytes.push(...base128);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

/** A BIT STRING of whole bytes, or of named bits (bit 0 is the most significant). */
function bitString(bytes: Uint8Array, unusedBits = 0): Uint8Array {
  return tlv(0x03, Uint8Array.of(unusedBits), bytes);
}

function namedBits(bits: readonly number[]): Uint8Array {
  const last = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(last / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  return bitString(bytes, 7 - (last & 7));
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280, 4.1.2.5). */
function time(date: Date): Uint8Array {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`, 'ascii'))
    : tlv(0x18, Buffer.from(`${iso}Z`, 'ascii'));
}

const OID = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

/** A distinguished name: C, O, CN. */
export interface DistinguishedName {
  readonly country: string;
  readonly organization: string;
  readonly commonName: string;
}

function name(dn: DistinguishedName): Uint8Array {
  return sequence(
    set(sequence(oid(OID.country), printable(dn.country))),
    set(sequence(oid(OID.organization), utf8(dn.organization))),
    set(sequence(oid(OID.commonName), utf8(dn.commonName))),
  );
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return sequence(oid(id), ...(critical ? [TRUE] : []), octets(value));
}

/** The key identifier of RFC 5280, 4.2.1.2, method 1: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(publicKey: KeyObject): Uint8Array {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // An EC P-256 SubjectPublicKeyInfo ends with the 65-byte uncompressed point.
  return createHash('sha1')
    .update(spki.subarray(spki.length - 65))
    .digest();
}

/** What a certificate says; the issuer signs it with ECDSA P-256 and SHA-256. */
export interface CertificateRequest {
  readonly subject: DistinguishedName;
  readonly subjectPublicKey: KeyObject;
  readonly issuer: DistinguishedName;
  readonly issuerKey: KeyObject;
  readonly issuerPublicKey: KeyObject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** A CA signs certificates; an end entity signs documents. */
  readonly kind: 'ca' | 'signer';
}

/** An X.509 v3 certificate, DER. */
export function issueCertificate(request: CertificateRequest): Uint8Array {
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const algorithm = sequence(oid(OID.ecdsaWithSha256));
  const extensions =
    request.kind === 'ca'
      ? [
          extension(OID.basicConstraints, true, sequence(TRUE)),
          // keyCertSign (5), cRLSign (6)
          extension(OID.keyUsage, true, namedBits([5, 6])),
        ]
      : [
          extension(OID.basicConstraints, true, sequence()),
          // digitalSignature (0), nonRepudiation (1)
          extension(OID.keyUsage, true, namedBits([0, 1])),
          extension(OID.extKeyUsage, false, sequence(oid(OID.emailProtection))),
        ];
  extensions.push(
    extension(OID.subjectKeyIdentifier, false, octets(keyIdentifier(request.subjectPublicKey))),
    extension(
      OID.authorityKeyIdentifier,
      false,
      sequence(tlv(0x80, keyIdentifier(request.issuerPublicKey))),
    ),
  );
  const tbs = sequence(
    explicit(0, unsigned(Uint8Array.of(2))),
    unsigned(serial),
    algorithm,
    name(request.issuer),
    sequence(time(request.notBefore), time(request.notAfter)),
    name(request.subject),
    new Uint8Array(request.subjectPublicKey.export({ type: 'spki', format: 'der' })),
    explicit(3, sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, { key: request.issuerKey, dsaEncoding: 'der' });
  return sequence(tbs, algorithm, bitString(signature));
}

/** DER to PEM, 64 characters a line. */
export function pem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
