import type { LocalizedText } from '@egov-kit/schema';
import type { DigestAlgorithm } from '../digest/algorithms.js';
import type { CertificateInfo } from './certificate-info.js';
import {
  type Indication,
  indicationOf,
  SUB_INDICATION_MESSAGES,
  type SubIndication,
} from './report.js';
import type { RevocationStatus } from './revocation.js';

/**
 * Why a signature is refused:
 * - `malformed`: not a CMS signature this package can read (or a PDF signature whose byte
 *   range is not well-formed);
 * - `tampered`: the document or the signed attributes changed after signing, or the signature
 *   value does not match the certificate's key, or the certificate was swapped;
 * - `untrusted`: the certificate does not chain to one of the trusted roots;
 * - `expired` / `not-yet-valid`: the signer's certificate was not valid at the time checked;
 * - `key-usage`: the certificate is not for signatures (key usage neither digitalSignature nor
 *   nonRepudiation, or an extended key usage restricted to other purposes);
 * - `revoked`: the certificate, or a CA certificate of its chain, was revoked;
 * - `revocation-unknown`: the revocation status could not be learnt, and the policy needs it;
 * - `weak-algorithm`: SHA-1, MD5 or a short RSA key, in the signature or a certificate.
 *
 * `subIndication` on the result says the same in the terms of ETSI EN 319 102-1.
 */
export const VERIFICATION_FAILURES = [
  'malformed',
  'tampered',
  'untrusted',
  'expired',
  'not-yet-valid',
  'key-usage',
  'revoked',
  'revocation-unknown',
  'weak-algorithm',
] as const;

/** One of {@link VERIFICATION_FAILURES}. */
export type VerificationFailure = (typeof VERIFICATION_FAILURES)[number];

/** Where the time that validity was checked at came from. */
export type CheckedAtSource = 'option' | 'timestamp' | 'now';

/** A time-stamp found with a signature (RFC 3161), and whether it holds. */
export interface TimestampReport {
  /** `signature`: over the signature value (CAdES-T, PAdES-B-T); `document`: a PDF document time-stamp covering it. */
  readonly kind: 'signature' | 'document';
  readonly ok: boolean;
  /** The time the time-stamping authority vouches for (when the token could be read). */
  readonly time: Date | undefined;
  /** The authority's certificate, when found. */
  readonly authority: CertificateInfo | undefined;
  /** Why it does not hold. */
  readonly reason?: string;
}

/** A signer whose signature holds. */
export interface VerifiedSigner {
  /** The signer's certificate. */
  readonly certificate: CertificateInfo;
  /** The issuing CAs, from the signer's own CA up to the trusted root; empty when the chain was not checked. */
  readonly chain: readonly CertificateInfo[];
  /** The revocation status of the signer's certificate and each CA below the root, in chain order. */
  readonly revocation: readonly RevocationStatus[];
  /** Time-stamps that prove when the signature existed. */
  readonly timestamps: readonly TimestampReport[];
  /** Always `TOTAL-PASSED` for a signer that holds (ETSI EN 319 102-1). */
  readonly indication: 'TOTAL-PASSED';
  /** True when the chain was checked against trusted roots (`checkChain`, the default). */
  readonly trusted: boolean;
  readonly digestAlgorithm: DigestAlgorithm;
  /** WebCrypto's name of the signature algorithm: `RSASSA-PKCS1-v1_5`, `RSA-PSS` or `ECDSA`. */
  readonly signatureAlgorithm: string;
  /**
   * The signing time the signer claims (CMS signing-time, or a PDF's `/M`). A claim, not a
   * proof: only a time-stamp (PAdES-B-T and above) proves when a signature was made.
   */
  readonly signingTime: Date | undefined;
  /**
   * The time the certificate's validity, chain and revocation were checked at: the time a
   * valid time-stamp proves (`checkedAtSource: 'timestamp'`), else now (or the `at` option).
   */
  readonly checkedAt: Date;
  readonly checkedAtSource: CheckedAtSource;
  /** Which ESS signing-certificate attribute binds the certificate (`absent` in plain CMS). */
  readonly signingCertificateAttribute: 'v2' | 'v1' | 'absent';
}

/** A refused signature: why, for programs and for people. */
export interface VerificationFailureResult {
  readonly ok: false;
  readonly code: VerificationFailure;
  /** ETSI EN 319 102-1: `TOTAL-FAILED` (forged, changed, revoked) or `INDETERMINATE` (cannot tell yet). */
  readonly indication: Exclude<Indication, 'TOTAL-PASSED'>;
  readonly subIndication: SubIndication;
  /** What a person reads. */
  readonly message: LocalizedText;
  /** A developer's detail (English), e.g. the chain engine's own message. */
  readonly reason: string;
  /** The signer's certificate, when it could be read. */
  readonly certificate?: CertificateInfo;
  /** Which signer (SignerInfo index) failed. */
  readonly signerIndex?: number;
  /** The certificates of the path that came closest, signer first, when one was found. */
  readonly chain?: readonly CertificateInfo[];
  /** Time-stamps found with the signature. */
  readonly timestamps?: readonly TimestampReport[];
}

/** The outcome of checking a CMS signature: every signer holds, or the first failure. */
export type SignatureVerification =
  | { readonly ok: true; readonly signers: readonly VerifiedSigner[] }
  | VerificationFailureResult;

/** The ETSI sub-indication a failure code stands for when nothing more precise is known. */
const DEFAULT_SUB_INDICATION: Readonly<Record<VerificationFailure, SubIndication>> = {
  malformed: 'FORMAT_FAILURE',
  tampered: 'HASH_FAILURE',
  untrusted: 'NO_CERTIFICATE_CHAIN_FOUND',
  expired: 'OUT_OF_BOUNDS_NO_POE',
  'not-yet-valid': 'NOT_YET_VALID',
  'key-usage': 'CHAIN_CONSTRAINTS_FAILURE',
  revoked: 'REVOKED',
  'revocation-unknown': 'TRY_LATER',
  'weak-algorithm': 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
};

/** Builds a failure result with its indication and message. */
export function failure(
  code: VerificationFailure,
  reason: string,
  extra: {
    subIndication?: SubIndication;
    certificate?: CertificateInfo;
    signerIndex?: number;
    chain?: readonly CertificateInfo[];
    timestamps?: readonly TimestampReport[];
  } = {},
): VerificationFailureResult {
  const { subIndication = DEFAULT_SUB_INDICATION[code], ...rest } = extra;
  return {
    ok: false,
    code,
    indication: indicationOf(subIndication),
    subIndication,
    message: SUB_INDICATION_MESSAGES[subIndication],
    reason,
    ...rest,
  };
}
