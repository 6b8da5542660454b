import type { LocalizedText } from '@egov-kit/schema';
import * as asn1js from 'asn1js';
import { Certificate, ExtKeyUsage, getCrypto, type SignerInfo } from 'pkijs';
import { type DigestAlgorithm, digestAlgorithmFromOid } from '../digest/algorithms.js';
import { digest } from '../digest/digest.js';
import { equalBytes, toArrayBuffer, toHex } from '../internal/bytes.js';
import { OID } from '../internal/oids.js';
import { type CertificateInput, certificateDer, pemBlocks } from '../internal/pem.js';
import { weakSignatureAlgorithm } from '../verify/algorithms.js';
import { type CertificateInfo, certificateInfo, keyUsages } from '../verify/certificate-info.js';
import { type RevocationPolicy, validateChain } from '../verify/chain.js';
import { essBinding } from '../verify/ess.js';
import type { SubIndication } from '../verify/report.js';
import type { RevocationChecker } from '../verify/revocation.js';
import {
  embeddedCertificates,
  findSignerCertificate,
  parseTimestampToken,
  readSignatureTimestamp,
  TST_INFO_OID,
} from './token.js';

/**
 * What a time-stamp token is over: the time-stamped data itself, or a function that digests it
 * with the algorithm the token names (for data too large to hold, or already digested).
 */
export type TimestampImprint = Uint8Array | ((algorithm: DigestAlgorithm) => Promise<Uint8Array>);

/** Options of {@link verifyTimestampToken}. */
export interface VerifyTimestampOptions {
  /**
   * The roots you trust for time-stamping authorities (DER, PEM — a PEM text may hold several —
   * or pkijs certificates). Often other roots than for signers.
   */
  readonly trustedRoots: readonly (CertificateInput | Certificate)[];
  /** CA certificates (or the TSA's own) that the token does not carry. */
  readonly intermediates?: readonly (CertificateInput | Certificate)[];
  /**
   * The time to validate the TSA's certificate chain at. Default: now. A later proof of
   * existence (a document time-stamp over this one) lets a caller pass an earlier time.
   */
  readonly at?: Date;
  /** Where revocation statuses of the TSA's chain come from; without it, not checked. */
  readonly revocation?: RevocationChecker;
  readonly revocationPolicy?: RevocationPolicy;
}

/** A time-stamp token that holds: the time it proves, and who proves it. */
export interface VerifiedTimestamp {
  readonly ok: true;
  /** The time the TSA certifies the data existed at (TSTInfo genTime). */
  readonly genTime: Date;
  /** The TSA's stated accuracy of `genTime`, in milliseconds, when it states one. */
  readonly accuracyMs: number | undefined;
  readonly policy: string;
  /** The token's serial number, lower-case hexadecimal. */
  readonly serialNumber: string;
  /** The digest algorithm of the message imprint. */
  readonly hashAlgorithm: DigestAlgorithm;
  /** The TSA's certificate. */
  readonly tsa: CertificateInfo;
  /** The validated path, the TSA's certificate first, the trusted root last. */
  readonly path: readonly CertificateInfo[];
}

/**
 * Why a token does not hold:
 * - `malformed`: not an RFC 3161 token (a SignedData with one signer over a TSTInfo);
 * - `weak-algorithm`: SHA-1 or another algorithm this package does not trust;
 * - `imprint-mismatch`: the token is over other data;
 * - `signature-invalid`: the TSA's signature over the TSTInfo does not hold;
 * - `signing-certificate`: the TSA's certificate is not at hand, or the ESS signing-certificate
 *   attribute is missing or names another certificate;
 * - `tsa-certificate`: the certificate is not a TSA's (extendedKeyUsage not critical and only
 *   timeStamping, RFC 3161 §2.3; wrong key usage; a `tsa` name it does not hold) or was not valid
 *   at genTime;
 * - `chain`: the TSA's certificate does not chain to a trusted root (see `subIndication`).
 */
export const TIMESTAMP_FAILURES = [
  'malformed',
  'weak-algorithm',
  'imprint-mismatch',
  'signature-invalid',
  'signing-certificate',
  'tsa-certificate',
  'chain',
] as const;

/** One of {@link TIMESTAMP_FAILURES}. */
export type TimestampFailureCode = (typeof TIMESTAMP_FAILURES)[number];

/** A token that does not hold. */
export interface TimestampFailure {
  readonly ok: false;
  readonly code: TimestampFailureCode;
  /** The ETSI EN 319 102-1 sub-indication it amounts to. */
  readonly subIndication: SubIndication;
  /** What a person reads. */
  readonly message: LocalizedText;
  /** A developer's detail (English). */
  readonly reason: string;
  /** The TSA's certificate, when it was found. */
  readonly tsa?: CertificateInfo;
}

/** Outcome of {@link verifyTimestampToken}. */
export type TimestampVerification = VerifiedTimestamp | TimestampFailure;

const MESSAGES: Readonly<Record<TimestampFailureCode, LocalizedText>> = {
  malformed: {
    vi: 'Dấu thời gian không đúng định dạng RFC 3161.',
    en: 'The time-stamp is not a valid RFC 3161 token.',
  },
  'weak-algorithm': {
    vi: 'Dấu thời gian dùng thuật toán không còn an toàn.',
    en: 'The time-stamp uses an algorithm that is no longer safe.',
  },
  'imprint-mismatch': {
    vi: 'Dấu thời gian không dành cho dữ liệu này.',
    en: 'The time-stamp is not for this data.',
  },
  'signature-invalid': {
    vi: 'Chữ ký của đơn vị cấp dấu thời gian không hợp lệ.',
    en: "The time-stamping authority's signature is not valid.",
  },
  'signing-certificate': {
    vi: 'Không xác định được chứng thư số của đơn vị cấp dấu thời gian.',
    en: "The time-stamping authority's certificate cannot be identified.",
  },
  'tsa-certificate': {
    vi: 'Chứng thư số không phải của một đơn vị cấp dấu thời gian hợp lệ.',
    en: 'The certificate is not that of a valid time-stamping authority.',
  },
  chain: {
    vi: 'Chứng thư số của đơn vị cấp dấu thời gian không do tổ chức chứng thực được tin cậy cấp.',
    en: "The time-stamping authority's certificate does not chain to a trusted authority.",
  },
};

const SUB_INDICATIONS: Readonly<Record<Exclude<TimestampFailureCode, 'chain'>, SubIndication>> = {
  malformed: 'FORMAT_FAILURE',
  'weak-algorithm': 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
  'imprint-mismatch': 'HASH_FAILURE',
  'signature-invalid': 'SIG_CRYPTO_FAILURE',
  'signing-certificate': 'NO_SIGNING_CERTIFICATE_FOUND',
  'tsa-certificate': 'CHAIN_CONSTRAINTS_FAILURE',
};

function fail(
  code: TimestampFailureCode,
  reason: string,
  extra: { subIndication?: SubIndication; tsa?: CertificateInfo } = {},
): TimestampFailure {
  const subIndication =
    extra.subIndication ??
    (code === 'chain' ? 'NO_CERTIFICATE_CHAIN_FOUND' : SUB_INDICATIONS[code]);
  return {
    ok: false,
    code,
    subIndication,
    message: MESSAGES[code],
    reason,
    ...(extra.tsa ? { tsa: extra.tsa } : {}),
  };
}

/**
 * Validates an RFC 3161 time-stamp token over some data: the message imprint, the TSA's CMS
 * signature over the TSTInfo, the ESS signing-certificate binding (RFC 3161 §2.4.1), the TSA
 * certificate (extendedKeyUsage critical with timeStamping as its only purpose, §2.3; valid at
 * genTime) and its chain to `trustedRoots`. Only then is `genTime` a time a verifier may rely on.
 *
 * @example
 * const result = await verifyTimestampToken(token, documentBytes, { trustedRoots: [tsaRootPem] });
 * if (result.ok) console.log('existed at', result.genTime);
 */
export async function verifyTimestampToken(
  token: Uint8Array,
  imprint: TimestampImprint,
  options: VerifyTimestampOptions,
): Promise<TimestampVerification> {
  let parsed: ReturnType<typeof parseTimestampToken>;
  try {
    parsed = parseTimestampToken(token);
  } catch (error) {
    return fail('malformed', describe(error));
  }
  const { signedData, tstInfo, eContent } = parsed;
  const signerInfo = signedData.signerInfos[0] as SignerInfo;

  const imprintOid = tstInfo.messageImprint.hashAlgorithm.algorithmId;
  const hashAlgorithm = digestAlgorithmFromOid(imprintOid);
  if (!hashAlgorithm) {
    return fail(
      'weak-algorithm',
      `Message imprint algorithm ${imprintOid} is not SHA-256/384/512.`,
    );
  }
  const expected =
    typeof imprint === 'function'
      ? await imprint(hashAlgorithm)
      : await digest(imprint, hashAlgorithm);
  const hashed = new Uint8Array(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (!equalBytes(expected, hashed)) {
    return fail('imprint-mismatch', 'The message imprint is not the digest of the data.');
  }

  let roots: Certificate[];
  let extra: Certificate[];
  try {
    roots = toCertificates(options.trustedRoots);
    extra = toCertificates(options.intermediates ?? []);
  } catch (error) {
    throw new TypeError(`A trusted root or intermediate cannot be read: ${describe(error)}`);
  }
  const candidates = [...embeddedCertificates(signedData), ...extra];
  const certificate = findSignerCertificate(signerInfo.sid, candidates);
  if (!certificate) {
    return fail('signing-certificate', "The TSA's certificate is neither in the token nor given.");
  }
  const der = new Uint8Array(certificate.toSchema().toBER(false));
  const tsa = certificateInfo(certificate, der);

  const signature = await checkSignature(signerInfo, eContent, certificate);
  if (signature) return { ...signature, tsa };

  // RFC 3161 §2.4.1: a token names its TSA's certificate with the ESS attribute.
  const binding = await essBinding(signerInfo.signedAttrs?.attributes ?? [], der);
  if (binding.kind === 'absent') {
    return fail(
      'signing-certificate',
      'The ESS signing-certificate attribute is missing (RFC 3161 §2.4.1).',
      { tsa },
    );
  }
  if (binding.kind === 'mismatch') return fail('signing-certificate', binding.reason, { tsa });

  const usage = checkTsaCertificate(certificate);
  if (usage) return fail('tsa-certificate', usage, { tsa });
  if (tstInfo.tsa?.type === 4 && !certificate.subject.isEqual(tstInfo.tsa.value)) {
    return fail('tsa-certificate', "The TSTInfo's tsa name is not the certificate's subject.", {
      tsa,
    });
  }
  const genTime = tstInfo.genTime;
  if (genTime < tsa.notBefore || genTime > tsa.notAfter) {
    return fail(
      'tsa-certificate',
      `genTime ${genTime.toISOString()} is outside the TSA certificate's validity.`,
      { tsa, subIndication: genTime < tsa.notBefore ? 'NOT_YET_VALID' : 'EXPIRED' },
    );
  }

  const chain = await validateChain(certificate, {
    roots,
    candidates,
    at: options.at ?? new Date(),
    purpose: 'timestamping',
    ...(options.revocation ? { revocation: options.revocation } : {}),
    ...(options.revocationPolicy ? { revocationPolicy: options.revocationPolicy } : {}),
  });
  if (!chain.ok) {
    return fail('chain', chain.reason, { tsa, subIndication: chain.subIndication });
  }

  const accuracy = tstInfo.accuracy;
  return {
    ok: true,
    genTime,
    accuracyMs: accuracy
      ? (accuracy.seconds ?? 0) * 1000 + (accuracy.millis ?? 0) + (accuracy.micros ?? 0) / 1000
      : undefined,
    policy: tstInfo.policy,
    serialNumber: toHex(new Uint8Array(tstInfo.serialNumber.valueBlock.valueHexView)),
    hashAlgorithm,
    tsa,
    path: chain.path.map((item) =>
      certificateInfo(item, new Uint8Array(item.toSchema().toBER(false))),
    ),
  };
}

/**
 * Validates the signature time-stamp a SignerInfo carries (CAdES-T, PAdES-B-T): a token over
 * the digest of its signature value. `undefined` when it carries none.
 */
export async function verifySignatureTimestamp(
  signerInfo: SignerInfo,
  options: VerifyTimestampOptions,
): Promise<TimestampVerification | undefined> {
  const token = readSignatureTimestamp(signerInfo);
  if (!token) return undefined;
  const value = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  return verifyTimestampToken(token, value, options);
}

/** The CMS checks of the token's one SignerInfo over the TSTInfo (RFC 5652 §5.4, §11). */
async function checkSignature(
  signerInfo: SignerInfo,
  eContent: Uint8Array,
  certificate: Certificate,
): Promise<TimestampFailure | undefined> {
  const digestOid = signerInfo.digestAlgorithm.algorithmId;
  const hash = digestAlgorithmFromOid(digestOid);
  if (!hash) return fail('weak-algorithm', `Digest algorithm ${digestOid} is not SHA-256/384/512.`);
  const weak = weakSignatureAlgorithm(signerInfo.signatureAlgorithm.algorithmId);
  if (weak) return fail('weak-algorithm', `The TSA signed with ${weak}.`);
  const attributes = signerInfo.signedAttrs?.attributes;
  if (!signerInfo.signedAttrs || !attributes) {
    // RFC 3161 §2.4.1: the ESS signing-certificate attribute is signed, so attributes exist.
    return fail('malformed', 'The token has no signed attributes.');
  }
  const single = (oid: string) => {
    const found = attributes.filter((item) => item.type === oid);
    return found.length === 1 && found[0]?.values.length === 1 ? found[0].values[0] : undefined;
  };
  const contentType = single(OID.contentType);
  if (
    !(contentType instanceof asn1js.ObjectIdentifier) ||
    contentType.valueBlock.toString() !== TST_INFO_OID
  ) {
    return fail('malformed', 'The contentType attribute is missing or not id-ct-TSTInfo.');
  }
  const messageDigest = single(OID.messageDigest);
  if (!(messageDigest instanceof asn1js.OctetString)) {
    return fail('malformed', 'The messageDigest attribute is missing.');
  }
  if (
    !equalBytes(await digest(eContent, hash), new Uint8Array(messageDigest.valueBlock.valueHexView))
  ) {
    return fail('signature-invalid', 'The TSTInfo does not match the signed message digest.');
  }
  const toBeSigned = new Uint8Array(signerInfo.signedAttrs.encodedValue.slice(0));
  toBeSigned[0] = 0x31;
  let valid = false;
  try {
    valid = await getCrypto(true).verifyWithPublicKey(
      toBeSigned,
      signerInfo.signature,
      certificate.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      hash,
    );
  } catch (error) {
    return fail('signature-invalid', `The signature cannot be checked: ${describe(error)}`);
  }
  return valid
    ? undefined
    : fail('signature-invalid', "The signature does not match the TSA's key.");
}

/**
 * RFC 3161 §2.3: the TSA's certificate has an extendedKeyUsage extension, marked critical,
 * with id-kp-timeStamping as its only purpose; a key usage, when present, allows signatures.
 */
function checkTsaCertificate(certificate: Certificate): string | undefined {
  const eku = certificate.extensions?.find((item) => item.extnID === OID.extendedKeyUsage);
  if (!eku) return 'The certificate has no extendedKeyUsage; a TSA needs timeStamping.';
  if (!eku.critical) return 'The extendedKeyUsage of a TSA certificate must be critical.';
  const purposes = eku.parsedValue instanceof ExtKeyUsage ? eku.parsedValue.keyPurposes : [];
  if (purposes.length !== 1 || purposes[0] !== OID.timeStamping) {
    return `The extendedKeyUsage is ${purposes.join(', ') || 'unreadable'}; a TSA certificate has timeStamping only.`;
  }
  const usages = keyUsages(certificate);
  if (usages && !usages.includes('digitalSignature') && !usages.includes('nonRepudiation')) {
    return `Key usage is ${usages.join(', ') || 'empty'}; digitalSignature or nonRepudiation is required.`;
  }
  return undefined;
}

function toCertificates(inputs: readonly (CertificateInput | Certificate)[]): Certificate[] {
  return inputs.flatMap((input) => {
    if (input instanceof Certificate) return [input];
    const ders =
      typeof input === 'string' ? pemBlocks(input) : [certificateDer(input) ?? new Uint8Array()];
    return ders.map((der) => Certificate.fromBER(toArrayBuffer(der)));
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
