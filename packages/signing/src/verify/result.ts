import type { LocalizedText } from '@egov-kit/schema';
import type { DigestAlgorithm } from '../digest/algorithms.js';
import type { CertificateInfo } from './certificate-info.js';

/**
 * Why a signature is refused:
 * - `malformed`: not a CMS signature this package can read (or a PDF signature whose byte
 *   range is not well-formed);
 * - `tampered`: the document or the signed attributes changed after signing, or the signature
 *   value does not match the certificate's key, or the certificate was swapped;
 * - `untrusted`: the certificate does not chain to one of the trusted roots;
 * - `expired` / `not-yet-valid`: the signer's certificate was not valid at the time checked;
 * - `key-usage`: the certificate is not for signatures (neither digitalSignature nor
 *   nonRepudiation).
 */
export const VERIFICATION_FAILURES = [
  'malformed',
  'tampered',
  'untrusted',
  'expired',
  'not-yet-valid',
  'key-usage',
] as const;

/** One of {@link VERIFICATION_FAILURES}. */
export type VerificationFailure = (typeof VERIFICATION_FAILURES)[number];

/** Where the time that validity was checked at came from. */
export type CheckedAtSource = 'option' | 'signing-time' | 'now';

/** A signer whose signature holds. */
export interface VerifiedSigner {
  /** The signer's certificate. */
  readonly certificate: CertificateInfo;
  /** The issuing CAs, from the signer's own CA up to the trusted root; empty when the chain was not checked. */
  readonly chain: readonly CertificateInfo[];
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
  /** The time the certificate's validity and chain were checked at. */
  readonly checkedAt: Date;
  readonly checkedAtSource: CheckedAtSource;
  /** Which ESS signing-certificate attribute binds the certificate (`absent` in plain CMS). */
  readonly signingCertificateAttribute: 'v2' | 'v1' | 'absent';
}

/** A refused signature: why, for programs and for people. */
export interface VerificationFailureResult {
  readonly ok: false;
  readonly code: VerificationFailure;
  /** What a person reads. */
  readonly message: LocalizedText;
  /** A developer's detail (English), e.g. the chain engine's own message. */
  readonly reason: string;
  /** The signer's certificate, when it could be read. */
  readonly certificate?: CertificateInfo;
  /** Which signer (SignerInfo index) failed. */
  readonly signerIndex?: number;
}

/** The outcome of checking a CMS signature: every signer holds, or the first failure. */
export type SignatureVerification =
  | { readonly ok: true; readonly signers: readonly VerifiedSigner[] }
  | VerificationFailureResult;

const MESSAGES: Readonly<Record<VerificationFailure, LocalizedText>> = {
  malformed: {
    vi: 'Chữ ký không đúng định dạng hoặc không đọc được.',
    en: 'The signature is malformed or cannot be read.',
  },
  tampered: {
    vi: 'Tài liệu hoặc chữ ký đã bị thay đổi sau khi ký.',
    en: 'The document or the signature was changed after signing.',
  },
  untrusted: {
    vi: 'Chứng thư số của người ký không do tổ chức chứng thực được tin cậy cấp.',
    en: "The signer's certificate was not issued by a trusted certification authority.",
  },
  expired: {
    vi: 'Chứng thư số của người ký đã hết hạn tại thời điểm kiểm tra.',
    en: "The signer's certificate had expired at the time checked.",
  },
  'not-yet-valid': {
    vi: 'Chứng thư số của người ký chưa có hiệu lực tại thời điểm kiểm tra.',
    en: "The signer's certificate was not yet valid at the time checked.",
  },
  'key-usage': {
    vi: 'Chứng thư số của người ký không được phép dùng để ký số.',
    en: "The signer's certificate is not allowed for digital signatures.",
  },
};

/** Builds a failure result with its message. */
export function failure(
  code: VerificationFailure,
  reason: string,
  extra: { certificate?: CertificateInfo; signerIndex?: number } = {},
): VerificationFailureResult {
  return { ok: false, code, message: MESSAGES[code], reason, ...extra };
}
