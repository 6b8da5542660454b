import { type Certificate, RSAPublicKey } from 'pkijs';

/**
 * Signature and digest algorithms no longer accepted for new signatures (ETSI TS 119 312):
 * MD2, MD5 and SHA-1, in certificates, CRLs, OCSP answers and signatures alike.
 */
const WEAK_SIGNATURE_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.3.14.3.2.29': 'sha1WithRSASignature',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10040.4.3': 'dsa-with-sha1',
};

/** Digest algorithms that are too weak (by OID), with their names. */
export const WEAK_DIGESTS: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.2': 'MD2',
  '1.2.840.113549.2.5': 'MD5',
  '1.3.14.3.2.26': 'SHA-1',
};

/** The smallest RSA modulus accepted, in bits. */
export const MIN_RSA_BITS = 2048;

/** The name of a weak signature algorithm, or `undefined` when it is acceptable. */
export function weakSignatureAlgorithm(oid: string): string | undefined {
  return WEAK_SIGNATURE_ALGORITHMS[oid];
}

/** What is weak about a certificate's own signature or key, if anything. */
export function weakCertificate(
  certificate: Certificate,
  checkSignature: boolean,
): string | undefined {
  const signature = checkSignature
    ? weakSignatureAlgorithm(certificate.signatureAlgorithm.algorithmId)
    : undefined;
  if (signature) return `signed with ${signature}`;
  const bits = rsaModulusBits(certificate);
  if (bits !== undefined && bits < MIN_RSA_BITS) return `an RSA key of ${bits} bits`;
  return undefined;
}

/** The RSA modulus length in bits, or `undefined` for other keys. */
export function rsaModulusBits(certificate: Certificate): number | undefined {
  const key = certificate.subjectPublicKeyInfo.parsedKey;
  if (!(key instanceof RSAPublicKey)) return undefined;
  const bytes = key.modulus.valueBlock.valueHexView;
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start += 1;
  const first = bytes[start];
  if (first === undefined) return 0;
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(first));
}
