/**
 * The digest algorithms the package signs and verifies with. SHA-1 is left out on purpose:
 * collisions for it are practical (SHAttered, 2017), so a SHA-1 signature proves little.
 */
export const DIGEST_ALGORITHMS = ['SHA-256', 'SHA-384', 'SHA-512'] as const;

/** One of {@link DIGEST_ALGORITHMS}, spelt as WebCrypto spells it. */
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

/** The object identifier of each digest algorithm (NIST, RFC 5754). */
export const DIGEST_OIDS: Readonly<Record<DigestAlgorithm, string>> = {
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3',
};

/** Length of each digest, in bytes. */
export const DIGEST_LENGTHS: Readonly<Record<DigestAlgorithm, number>> = {
  'SHA-256': 32,
  'SHA-384': 48,
  'SHA-512': 64,
};

/** The digest algorithm an object identifier names, if it is one this package accepts. */
export function digestAlgorithmFromOid(oid: string): DigestAlgorithm | undefined {
  for (const algorithm of DIGEST_ALGORITHMS) if (DIGEST_OIDS[algorithm] === oid) return algorithm;
  return undefined;
}

/** True for a value that names one of {@link DIGEST_ALGORITHMS}. */
export function isDigestAlgorithm(value: unknown): value is DigestAlgorithm {
  return (DIGEST_ALGORITHMS as readonly unknown[]).includes(value);
}
