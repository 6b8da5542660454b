import type { DigestAlgorithm } from '../digest/algorithms.js';
import { decodeOid, readChildren, readElement } from './der.js';

/** What kind of key a certificate certifies, read from its SubjectPublicKeyInfo. */
export type CertifiedKey =
  | { readonly type: 'RSA' }
  | { readonly type: 'RSA-PSS' }
  | { readonly type: 'EC'; readonly namedCurve: 'P-256' | 'P-384' | 'P-521' };

const RSA = '1.2.840.113549.1.1.1';
const RSA_PSS = '1.2.840.113549.1.1.10';
const EC = '1.2.840.10045.2.1';
const CURVES: Readonly<Record<string, 'P-256' | 'P-384' | 'P-521'>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

/** Size in bytes of one half of an ECDSA signature on each curve. */
export const CURVE_SIZES = { 'P-256': 32, 'P-384': 48, 'P-521': 66 } as const;

/** The hash that matches each curve's strength (what a signer uses when not told). */
export const CURVE_HASHES: Readonly<Record<'P-256' | 'P-384' | 'P-521', DigestAlgorithm>> = {
  'P-256': 'SHA-256',
  'P-384': 'SHA-384',
  'P-521': 'SHA-512',
};

/**
 * The key type of a DER certificate, without parsing the rest of it; `undefined` when the
 * bytes are not a certificate or the key type is one this package does not sign with.
 */
export function certifiedKey(certificate: Uint8Array): CertifiedKey | undefined {
  const cert = readElement(certificate);
  const tbs = cert && readChildren(cert.value)?.[0];
  const fields = tbs && readChildren(tbs.value);
  if (!fields) return undefined;
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const spki = fields[offset + 5];
  const algorithm = spki && readChildren(spki.value)?.[0];
  const parts = algorithm && readChildren(algorithm.value);
  const oid = parts?.[0];
  if (oid?.tag !== 0x06) return undefined;
  switch (decodeOid(oid.value)) {
    case RSA:
      return { type: 'RSA' };
    case RSA_PSS:
      return { type: 'RSA-PSS' };
    case EC: {
      const curve = parts?.[1]?.tag === 0x06 ? CURVES[decodeOid(parts[1].value)] : undefined;
      return curve ? { type: 'EC', namedCurve: curve } : undefined;
    }
    default:
      return undefined;
  }
}
