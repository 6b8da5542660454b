/**
 * @egov-kit/signing — document digests, CAdES detached and PAdES signatures, their
 * verification against trusted roots, and the `Signer` interface with WebCrypto and remote
 * (Cloud Signature Consortium API v2) signers.
 *
 * Every function is its own module and the package has no side effects: a bundler that only
 * sees `digest` or the signer types leaves pkijs and pdf-lib out (see docs/decisions/0017).
 *
 * @packageDocumentation
 */

export { type SignCadesOptions, signCades } from './cades/sign-cades.js';
export { type VerifyCadesOptions, verifyCades } from './cades/verify-cades.js';
export {
  DIGEST_ALGORITHMS,
  DIGEST_OIDS,
  type DigestAlgorithm,
  digestAlgorithmFromOid,
} from './digest/algorithms.js';
export { type DigestInput, type DigestOptions, digest } from './digest/digest.js';
export { CertifiedPdfError, isCertifiedPdfError } from './errors/certified-pdf-error.js';
export { CscApiError, isCscApiError } from './errors/csc-api-error.js';
export { EncryptedPdfError, isEncryptedPdfError } from './errors/encrypted-pdf-error.js';
export { InvalidPdfError, isInvalidPdfError } from './errors/invalid-pdf-error.js';
export {
  isRemoteApprovalRejectedError,
  RemoteApprovalRejectedError,
} from './errors/remote-approval-rejected-error.js';
export {
  isRemoteApprovalTimeoutError,
  RemoteApprovalTimeoutError,
} from './errors/remote-approval-timeout-error.js';
export {
  isSignatureFieldError,
  SignatureFieldError,
  type SignatureFieldProblem,
} from './errors/signature-field-error.js';
export {
  isSignatureTooLargeError,
  SignatureTooLargeError,
} from './errors/signature-too-large-error.js';
export { isSignatureValueError, SignatureValueError } from './errors/signature-value-error.js';
export {
  isTimestampError,
  TIMESTAMP_ERROR_REASONS,
  TimestampError,
  type TimestampErrorReason,
} from './errors/timestamp-error.js';
export { type CertificateInput, certificateDer } from './internal/pem.js';
export type { Fontkit, SignatureAppearance } from './pades/appearance.js';
export { CHANGE_KINDS, type ChangeKind, type RevisionChanges } from './pades/changes.js';
export type { DocMdpPermission } from './pades/doc-mdp.js';
export {
  addValidationData,
  type DocumentValidationData,
  type ValidationDataInput,
} from './pades/dss.js';
export { type SignPadesOptions, signPades } from './pades/sign-pades.js';
export {
  type PadesVerification,
  type PdfSignatureReport,
  type VerifyPadesOptions,
  verifyPades,
} from './pades/verify-pades.js';
export {
  type CscApproval,
  type CscPollOutcome,
  CscRemoteSigner,
  type CscRemoteSignerOptions,
  type CscRequest,
  pollSignaturesEndpoint,
} from './signer/csc-remote-signer.js';
export type {
  DataSigner,
  DigestSigner,
  SignatureAlgorithm,
  Signer,
  SignerDescription,
  SignOptions,
} from './signer/signer.js';
export {
  type Pkcs8SignerOptions,
  WebCryptoSigner,
  type WebCryptoSignerOptions,
} from './signer/webcrypto-signer.js';
export {
  requestTimestamp,
  TIMESTAMP_RESERVE,
  type TimestampInput,
  type TimestampRequestOptions,
  type TimestampResponse,
} from './timestamp/request-timestamp.js';
export { readSignatureTimestamp } from './timestamp/signature-timestamp.js';
export { type TimestampPadesOptions, timestampPades } from './timestamp/timestamp-pades.js';
export {
  TIMESTAMP_FAILURES,
  type TimestampFailure,
  type TimestampFailureCode,
  type TimestampImprint,
  type TimestampVerification,
  type VerifiedTimestamp,
  type VerifyTimestampOptions,
  verifySignatureTimestamp,
  verifyTimestampToken,
} from './timestamp/verify-timestamp-token.js';
export { type CertificateInfo, KEY_USAGES, type KeyUsage } from './verify/certificate-info.js';
export {
  type CertificatePurpose,
  type ChainFailure,
  type ChainOptions,
  type ChainResult,
  type RevocationPolicy,
  type ValidChain,
  validateChain,
} from './verify/chain.js';
export {
  type Indication,
  indicationOf,
  PASSED_MESSAGE,
  SUB_INDICATION_MESSAGES,
  SUB_INDICATIONS,
  type SubIndication,
} from './verify/report.js';
export {
  type CheckedAtSource,
  type SignatureVerification,
  type TimestampReport,
  VERIFICATION_FAILURES,
  type VerificationFailure,
  type VerificationFailureResult,
  type VerifiedSigner,
} from './verify/result.js';
export {
  createRevocationChecker,
  parseCrl,
  parseOcsp,
  RevocationCache,
  type RevocationChecker,
  type RevocationOptions,
  type RevocationOrigin,
  type RevocationStatus,
} from './verify/revocation.js';
export type { VerifyOptions } from './verify/verify-signed-data.js';
