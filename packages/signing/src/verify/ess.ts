import type * as asn1js from 'asn1js';
import type { Attribute } from 'pkijs';
import { type DigestAlgorithm, digestAlgorithmFromOid } from '../digest/algorithms.js';
import { digest } from '../digest/digest.js';
import { equalBytes, toArrayBuffer } from '../internal/bytes.js';
import { decodeOid, readChildren, readElement } from '../internal/der.js';
import { OID } from '../internal/oids.js';

/** What the ESS signing-certificate attribute says of a certificate. */
export type EssBinding =
  | { readonly kind: 'v2' | 'v1' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'mismatch'; readonly reason: string };

/**
 * Compares the first ESSCertID(v2) of the signed attributes' signing-certificate attribute
 * (RFC 5035 §3, RFC 2634 §5.4) with the signer's certificate: a different hash means the
 * certificate was swapped for another with the same key. Used by CMS signatures and by
 * time-stamp tokens alike.
 */
export async function essBinding(
  attributes: readonly Attribute[],
  certificate: Uint8Array,
): Promise<EssBinding> {
  const v2 = attributes.find((item) => item.type === OID.signingCertificateV2)?.values[0];
  const v1 = attributes.find((item) => item.type === OID.signingCertificate)?.values[0];
  const value = (v2 ?? v1) as asn1js.AsnType | undefined;
  if (!value) return { kind: 'absent' };
  const mismatch = (reason: string): EssBinding => ({ kind: 'mismatch', reason });
  const outer = readElement(new Uint8Array(value.toBER(false)));
  const certs = outer && readChildren(outer.value)?.[0];
  const first = certs && readChildren(certs.value)?.[0];
  const fields = first && readChildren(first.value);
  if (!fields) return mismatch('The ESS signing-certificate attribute cannot be read.');
  let algorithm: DigestAlgorithm | 'SHA-1' = v2 ? 'SHA-256' : 'SHA-1';
  let index = 0;
  if (v2 && fields[0]?.tag === 0x30) {
    const oid = readChildren(fields[0].value)?.[0];
    const named = oid?.tag === 0x06 ? digestAlgorithmFromOid(decodeOid(oid.value)) : undefined;
    if (!named) return mismatch('The ESS certificate hash algorithm is not SHA-256/384/512.');
    algorithm = named;
    index = 1;
  }
  const hash = fields[index];
  if (hash?.tag !== 0x04) return mismatch('The ESS certificate hash cannot be read.');
  const actual =
    algorithm === 'SHA-1'
      ? new Uint8Array(await crypto.subtle.digest('SHA-1', toArrayBuffer(certificate)))
      : await digest(certificate, algorithm);
  if (!equalBytes(actual, hash.value)) {
    return mismatch('The ESS signing-certificate attribute names another certificate.');
  }
  return { kind: v2 ? 'v2' : 'v1' };
}
