import type { LocalizedText } from '@egov-kit/schema';

/**
 * The main status of a signature validation (ETSI EN 319 102-1 §5.1.3): passed, failed for
 * good (a forgery, a change, a revoked key), or not decidable with what is known now (no chain
 * to a trusted root, no proof of time, no revocation information).
 */
export type Indication = 'TOTAL-PASSED' | 'TOTAL-FAILED' | 'INDETERMINATE';

/**
 * Why a validation did not pass (ETSI EN 319 102-1 Table 5), the subset this package reports:
 *
 * TOTAL-FAILED:
 * - `FORMAT_FAILURE`: not a signature this package can read;
 * - `HASH_FAILURE`: the signed data (the document or a PDF revision) was changed;
 * - `SIG_CRYPTO_FAILURE`: the signature value does not match the signer's key;
 * - `REVOKED`: the signer's certificate was revoked before the signature was proven to exist;
 * - `EXPIRED` / `NOT_YET_VALID`: the certificate was not valid at the proven signing time.
 *
 * INDETERMINATE:
 * - `NO_SIGNING_CERTIFICATE_FOUND`: the signer's certificate is not in the signature;
 * - `NO_CERTIFICATE_CHAIN_FOUND`: no path from the certificate to a trusted root;
 * - `CHAIN_CONSTRAINTS_FAILURE`: a certificate on the path breaks a rule (CA flag, path
 *   length, key usage, extended key usage, an unknown critical extension);
 * - `CRYPTO_CONSTRAINTS_FAILURE_NO_POE`: a weak algorithm (SHA-1, MD5, a short RSA key);
 * - `REVOKED_NO_POE`: the certificate was revoked, and no time-stamp proves the signature
 *   existed before;
 * - `REVOKED_CA_NO_POE`: a CA on the path was revoked;
 * - `OUT_OF_BOUNDS_NO_POE`: the certificate has expired (or is not yet valid) now, and no
 *   time-stamp proves the signature was made while it was valid;
 * - `TRY_LATER`: the revocation status could not be learnt (no CRL or OCSP answer).
 */
export const SUB_INDICATIONS = [
  'FORMAT_FAILURE',
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'NO_CERTIFICATE_CHAIN_FOUND',
  'CHAIN_CONSTRAINTS_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
  'REVOKED_NO_POE',
  'REVOKED_CA_NO_POE',
  'OUT_OF_BOUNDS_NO_POE',
  'TRY_LATER',
] as const;

/** One of {@link SUB_INDICATIONS}. */
export type SubIndication = (typeof SUB_INDICATIONS)[number];

const TOTAL_FAILED: ReadonlySet<SubIndication> = new Set([
  'FORMAT_FAILURE',
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
]);

/** The main indication a sub-indication belongs to. */
export function indicationOf(subIndication: SubIndication): Exclude<Indication, 'TOTAL-PASSED'> {
  return TOTAL_FAILED.has(subIndication) ? 'TOTAL-FAILED' : 'INDETERMINATE';
}

/** What a person reads for each sub-indication. */
export const SUB_INDICATION_MESSAGES: Readonly<Record<SubIndication, LocalizedText>> = {
  FORMAT_FAILURE: {
    vi: 'Chữ ký không đúng định dạng hoặc không đọc được.',
    en: 'The signature is malformed or cannot be read.',
  },
  HASH_FAILURE: {
    vi: 'Tài liệu đã bị thay đổi sau khi ký.',
    en: 'The document was changed after it was signed.',
  },
  SIG_CRYPTO_FAILURE: {
    vi: 'Giá trị chữ ký không khớp với chứng thư số của người ký: chữ ký giả hoặc đã bị sửa.',
    en: "The signature value does not match the signer's certificate: forged or altered.",
  },
  REVOKED: {
    vi: 'Chứng thư số của người ký đã bị thu hồi trước thời điểm ký được chứng minh.',
    en: "The signer's certificate was revoked before the proven time of signing.",
  },
  EXPIRED: {
    vi: 'Chứng thư số của người ký đã hết hạn tại thời điểm ký được chứng minh.',
    en: "The signer's certificate had expired at the proven time of signing.",
  },
  NOT_YET_VALID: {
    vi: 'Chứng thư số của người ký chưa có hiệu lực tại thời điểm ký.',
    en: "The signer's certificate was not yet valid at the time of signing.",
  },
  NO_SIGNING_CERTIFICATE_FOUND: {
    vi: 'Không tìm thấy chứng thư số của người ký trong chữ ký.',
    en: "The signer's certificate is not in the signature.",
  },
  NO_CERTIFICATE_CHAIN_FOUND: {
    vi: 'Chứng thư số của người ký không do tổ chức chứng thực được tin cậy cấp.',
    en: "The signer's certificate was not issued by a trusted certification authority.",
  },
  CHAIN_CONSTRAINTS_FAILURE: {
    vi: 'Chứng thư số của người ký hoặc của tổ chức cấp không được phép dùng cho mục đích này.',
    en: "The signer's or an issuer's certificate is not allowed for this purpose.",
  },
  CRYPTO_CONSTRAINTS_FAILURE_NO_POE: {
    vi: 'Chữ ký dùng thuật toán không còn an toàn (như SHA-1).',
    en: 'The signature uses an algorithm that is no longer secure (such as SHA-1).',
  },
  REVOKED_NO_POE: {
    vi: 'Chứng thư số của người ký đã bị thu hồi và không có dấu thời gian chứng minh chữ ký có trước đó.',
    en: "The signer's certificate was revoked, and no time-stamp proves the signature came before.",
  },
  REVOKED_CA_NO_POE: {
    vi: 'Chứng thư số của tổ chức cấp cho người ký đã bị thu hồi.',
    en: "A certificate of the signer's certification authority was revoked.",
  },
  OUT_OF_BOUNDS_NO_POE: {
    vi: 'Chứng thư số của người ký đã hết hạn và không có dấu thời gian chứng minh chữ ký được tạo khi còn hiệu lực.',
    en: "The signer's certificate has expired, and no time-stamp proves the signature was made while it was valid.",
  },
  TRY_LATER: {
    vi: 'Chưa kiểm tra được tình trạng thu hồi của chứng thư số; vui lòng thử lại sau.',
    en: 'The revocation status of the certificate could not be checked; try again later.',
  },
};

/** The sentence shown for a signature that passed. */
export const PASSED_MESSAGE: LocalizedText = {
  vi: 'Chữ ký số hợp lệ.',
  en: 'The digital signature is valid.',
};
