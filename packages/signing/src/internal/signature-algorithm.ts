import { DIGEST_LENGTHS, DIGEST_OIDS, type DigestAlgorithm } from '../digest/algorithms.js';
import type { SignatureAlgorithm } from '../signer/signer.js';
import { encodeElement, encodeOid, encodeSmallInteger } from './der.js';

const NULL = Uint8Array.of(0x05, 0x00);
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';
const ECDSA_WITH: Readonly<Record<DigestAlgorithm, string>> = {
  'SHA-256': '1.2.840.10045.4.3.2',
  'SHA-384': '1.2.840.10045.4.3.3',
  'SHA-512': '1.2.840.10045.4.3.4',
};

/** The object identifier of a signature algorithm, as CMS and the CSC API name it. */
export function signatureAlgorithmOid(algorithm: SignatureAlgorithm): string {
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      // RFC 5754 §3.2 allows rsaEncryption in a SignerInfo (the digest algorithm says the
      // hash); it is what OpenSSL writes and what every CSC service accepts as `signAlgo`.
      return RSA_ENCRYPTION;
    case 'RSA-PSS':
      return RSASSA_PSS;
    case 'ECDSA':
      return ECDSA_WITH[algorithm.hash];
  }
}

/**
 * DER AlgorithmIdentifier of a digest algorithm. Parameters absent, as RFC 5754 §2 says SHA-2
 * identifiers are generated in CMS; `{ nullParameters: true }` writes NULL, as RSASSA-PSS-params
 * carry them (RFC 4055 §2.1).
 */
export function digestAlgorithmIdentifier(
  hash: DigestAlgorithm,
  options: { readonly nullParameters?: boolean } = {},
): Uint8Array {
  const oid = encodeOid(DIGEST_OIDS[hash]);
  return options.nullParameters ? encodeElement(0x30, oid, NULL) : encodeElement(0x30, oid);
}

/**
 * The DER parameters of the signature algorithm, or `undefined` when it has none: NULL for
 * rsaEncryption, RSASSA-PSS-params (RFC 4055 §3.1) for PSS, absent for ECDSA (RFC 5758).
 */
export function signatureAlgorithmParameters(
  algorithm: SignatureAlgorithm,
): Uint8Array | undefined {
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      return NULL;
    case 'RSA-PSS': {
      const hash = digestAlgorithmIdentifier(algorithm.hash, { nullParameters: true });
      const parts = [
        encodeElement(0xa0, hash),
        encodeElement(0xa1, encodeElement(0x30, encodeOid(MGF1), hash)),
      ];
      if (algorithm.saltLength !== 20) {
        parts.push(encodeElement(0xa2, encodeSmallInteger(algorithm.saltLength)));
      }
      return encodeElement(0x30, ...parts);
    }
    case 'ECDSA':
      return undefined;
  }
}

/** DER AlgorithmIdentifier of a signature algorithm, as a SignerInfo carries it. */
export function signatureAlgorithmIdentifier(algorithm: SignatureAlgorithm): Uint8Array {
  const parameters = signatureAlgorithmParameters(algorithm);
  return encodeElement(
    0x30,
    encodeOid(signatureAlgorithmOid(algorithm)),
    ...(parameters ? [parameters] : []),
  );
}

/** The salt length a PSS signer uses when not told: the digest's length (RFC 8017 §9.1). */
export function defaultSaltLength(hash: DigestAlgorithm): number {
  return DIGEST_LENGTHS[hash];
}
