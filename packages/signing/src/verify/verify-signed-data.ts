import * as asn1js from 'asn1js';
import {
  Certificate,
  CertificateRevocationList,
  ContentInfo,
  getCrypto,
  IssuerAndSerialNumber,
  OtherRevocationInfoFormat,
  SignedData,
  type SignerInfo,
} from 'pkijs';
import { type DigestAlgorithm, digestAlgorithmFromOid } from '../digest/algorithms.js';
import { equalBytes, toArrayBuffer } from '../internal/bytes.js';
import { readChildren, readElement } from '../internal/der.js';
import { OID } from '../internal/oids.js';
import { type CertificateInput, certificateDer, pemBlocks } from '../internal/pem.js';
import { verifySignatureTimestamp } from '../timestamp/verify-timestamp-token.js';
import { WEAK_DIGESTS, weakSignatureAlgorithm } from './algorithms.js';
import { certificateInfo } from './certificate-info.js';
import { type ChainFailure, type RevocationPolicy, validateChain } from './chain.js';
import { essBinding } from './ess.js';
import type { SubIndication } from './report.js';
import {
  type CheckedAtSource,
  failure,
  type SignatureVerification,
  type TimestampReport,
  type VerificationFailure,
  type VerifiedSigner,
} from './result.js';
import {
  type RevocationChecker,
  type RevocationOptions,
  revocationCheckerFor,
} from './revocation.js';
import { derOf } from './x509.js';

/** Options of `verifyCades` and `verifyPades`. */
export interface VerifyOptions extends RevocationOptions {
  /**
   * The certification authorities you trust (DER or PEM; a PEM text may hold several). For
   * Vietnam, the root of the National Electronic Authentication Centre (NEAC) and those of the
   * licensed CAs your agency accepts (see the signing guide, "Trusted roots").
   */
  readonly trustedRoots?: readonly CertificateInput[];
  /** Intermediate CA certificates the signature itself does not carry. */
  readonly intermediates?: readonly CertificateInput[];
  /**
   * Check that the signer's certificate chains to `trustedRoots` (default `true`). With
   * `false`, only integrity, validity dates and key usage are checked and `trusted` is false:
   * any self-made certificate would then pass.
   */
  readonly checkChain?: boolean;
  /**
   * The time "now" for this verification (default: the clock). Certificates are checked at the
   * time a valid time-stamp proves, else at this time. A signing time the signature claims is
   * reported, never trusted.
   */
  readonly at?: Date;
  /**
   * When missing revocation information makes a signature indeterminate (`revocation-unknown`):
   * `when-declared` (default) for certificates that name a CRL distribution point or an OCSP
   * responder, `require` for every certificate below the root, `off` never.
   */
  readonly revocationPolicy?: RevocationPolicy;
}

/** Computes the signed content's digest with the algorithm a signer used. */
export interface ContentDigester {
  (algorithm: DigestAlgorithm): Promise<Uint8Array>;
  /**
   * The signed content itself, for signatures without signed attributes (their value is
   * computed over the content, not over a digest of it).
   */
  readonly content?: () => Promise<Uint8Array>;
}

/** Validation data a container carries beside the CMS (a PDF's DSS). @internal */
export interface ValidationData {
  readonly certificates?: readonly Uint8Array[];
  readonly crls?: readonly Uint8Array[];
  readonly ocspResponses?: readonly Uint8Array[];
}

/** @internal */
export interface CoreOptions extends VerifyOptions {
  /** A signing time claimed outside the CMS (a PDF's `/M`). */
  readonly claimedSigningTime?: Date;
  /** Validation data found in the document (a PDF's DSS), used offline. */
  readonly validationData?: ValidationData;
  /** Times proven by time-stamps outside the CMS (a PDF document time-stamp covering it). */
  readonly provenTimes?: readonly TimestampReport[];
}

const WEBCRYPTO_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.1': 'RSASSA-PKCS1-v1_5',
  '1.2.840.113549.1.1.11': 'RSASSA-PKCS1-v1_5',
  '1.2.840.113549.1.1.12': 'RSASSA-PKCS1-v1_5',
  '1.2.840.113549.1.1.13': 'RSASSA-PKCS1-v1_5',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10045.2.1': 'ECDSA',
  '1.2.840.10045.4.3.2': 'ECDSA',
  '1.2.840.10045.4.3.3': 'ECDSA',
  '1.2.840.10045.4.3.4': 'ECDSA',
};

/** OCSP responses inside CMS revocation information (RFC 5940). */
const ID_RI_OCSP_RESPONSE = '1.3.6.1.5.5.7.16.2';
/** Adobe's revocation-information signed attribute (ISO 32000-1 §12.8.3.3.2). */
const ADBE_REVOCATION_INFO = '1.2.840.113583.1.1.8';

/**
 * Checks a DER CMS SignedData over content known by its digest: integrity, the signature
 * value, the ESS certificate binding, time-stamps, and the signer's certificate path to a
 * trusted root with revocation, at the time a time-stamp proves or now.
 */
export async function verifySignedData(
  signature: Uint8Array,
  contentDigest: ContentDigester,
  options: CoreOptions,
): Promise<SignatureVerification> {
  let signedData: SignedData;
  try {
    const parsed = asn1js.fromBER(toArrayBuffer(signature));
    if (parsed.offset === -1) return failure('malformed', 'Not BER/DER.');
    const contentInfo = new ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID.signedData) {
      return failure('malformed', `Content type ${contentInfo.contentType} is not signedData.`);
    }
    signedData = new SignedData({ schema: contentInfo.content });
  } catch (error) {
    return failure('malformed', `Not a CMS SignedData: ${describeError(error)}`);
  }
  if (signedData.signerInfos.length === 0) return failure('malformed', 'No SignerInfo.');

  const embedded = (signedData.certificates ?? []).filter(
    (item): item is Certificate => item instanceof Certificate,
  );
  let extra: Certificate[];
  let roots: Certificate[];
  try {
    extra = parseCertificates(options.intermediates ?? []);
    roots = parseCertificates(options.trustedRoots ?? []);
  } catch (error) {
    throw new TypeError(`A trusted root or intermediate cannot be read: ${describeError(error)}`);
  }
  const documentCertificates = (options.validationData?.certificates ?? []).flatMap((der) => {
    try {
      return [Certificate.fromBER(toArrayBuffer(der))];
    } catch {
      return [];
    }
  });

  const signers: VerifiedSigner[] = [];
  for (const [signerIndex, signerInfo] of signedData.signerInfos.entries()) {
    const result = await verifySigner(signedData, signerInfo, signerIndex, {
      contentDigest,
      candidates: [...embedded, ...extra, ...documentCertificates],
      roots,
      options,
    });
    if (!result.ok) return result;
    signers.push(result.signer);
  }
  return { ok: true, signers };
}

interface SignerContext {
  readonly contentDigest: ContentDigester;
  readonly candidates: readonly Certificate[];
  readonly roots: readonly Certificate[];
  readonly options: CoreOptions;
}

async function verifySigner(
  signedData: SignedData,
  signerInfo: SignerInfo,
  signerIndex: number,
  context: SignerContext,
): Promise<{ ok: true; signer: VerifiedSigner } | Exclude<SignatureVerification, { ok: true }>> {
  const at = { signerIndex };
  const certificate = findSignerCertificate(signerInfo, context.candidates);
  if (!certificate) {
    return failure('malformed', "The signer's certificate is not in the signature.", {
      ...at,
      subIndication: 'NO_SIGNING_CERTIFICATE_FOUND',
    });
  }
  const der = new Uint8Array(certificate.toSchema().toBER(false));
  const info = certificateInfo(certificate, der);
  const withCert = { ...at, certificate: info };

  const digestOid = signerInfo.digestAlgorithm.algorithmId;
  const weakDigest = WEAK_DIGESTS[digestOid];
  if (weakDigest) {
    return failure(
      'weak-algorithm',
      `The signature uses ${weakDigest}, which is no longer secure.`,
      withCert,
    );
  }
  const digestAlgorithm = digestAlgorithmFromOid(digestOid);
  if (!digestAlgorithm) {
    return failure('malformed', `Digest algorithm ${digestOid} is not SHA-256/384/512.`, withCert);
  }
  const signatureOid = signerInfo.signatureAlgorithm.algorithmId;
  const weakSignature = weakSignatureAlgorithm(signatureOid);
  if (weakSignature) {
    return failure(
      'weak-algorithm',
      `The signature uses ${weakSignature}, which is no longer secure.`,
      withCert,
    );
  }
  const signatureAlgorithm = WEBCRYPTO_NAMES[signatureOid];
  if (!signatureAlgorithm) {
    return failure('malformed', `Signature algorithm ${signatureOid} is not supported.`, withCert);
  }

  const attributes = signerInfo.signedAttrs?.attributes;
  const attribute = (oid: string) => attributes?.find((item) => item.type === oid)?.values[0];
  let toBeSigned: Uint8Array;
  if (signerInfo.signedAttrs && attributes) {
    // RFC 5652 §5.3, §11: contentType and messageDigest appear once, with one value each.
    for (const oid of [OID.contentType, OID.messageDigest, OID.signingTime]) {
      const found = attributes.filter((item) => item.type === oid);
      if (found.length > 1 || found.some((item) => item.values.length !== 1)) {
        return failure(
          'malformed',
          `The signed attribute ${oid} appears more than once or has several values.`,
          withCert,
        );
      }
    }
    const contentType = attribute(OID.contentType);
    if (
      !(contentType instanceof asn1js.ObjectIdentifier) ||
      contentType.valueBlock.toString() !== signedData.encapContentInfo.eContentType
    ) {
      return failure('malformed', 'The contentType attribute is missing or wrong.', withCert);
    }
    const messageDigest = attribute(OID.messageDigest);
    if (!(messageDigest instanceof asn1js.OctetString)) {
      return failure('malformed', 'The messageDigest attribute is missing.', withCert);
    }
    const actual = await context.contentDigest(digestAlgorithm);
    if (!equalBytes(actual, new Uint8Array(messageDigest.valueBlock.valueHexView))) {
      return failure('tampered', 'The document does not match the signed message digest.', {
        ...withCert,
        subIndication: 'HASH_FAILURE',
      });
    }
    toBeSigned = new Uint8Array(signerInfo.signedAttrs.encodedValue.slice(0));
    toBeSigned[0] = 0x31;
  } else {
    // Plain CMS (RFC 5652 §5.4): the signature is computed over the content itself.
    const content = context.contentDigest.content;
    if (!content) {
      return failure(
        'malformed',
        'A signature without signed attributes needs the content as bytes or a Blob, not a stream.',
        withCert,
      );
    }
    toBeSigned = await content();
  }

  let valid: boolean;
  try {
    valid = await getCrypto(true).verifyWithPublicKey(
      toArrayBuffer(toBeSigned),
      signerInfo.signature,
      certificate.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      digestAlgorithm,
    );
  } catch (error) {
    return failure(
      'malformed',
      `The signature value cannot be checked: ${describeError(error)}`,
      withCert,
    );
  }
  if (!valid) {
    return failure(
      'tampered',
      attributes
        ? "The signature value does not match the signer's key."
        : "The signature value does not match the signer's key and the content.",
      { ...withCert, subIndication: 'SIG_CRYPTO_FAILURE' },
    );
  }

  const binding = await essBinding(attributes ?? [], der);
  if (binding.kind === 'mismatch') {
    return failure('tampered', binding.reason, {
      ...withCert,
      subIndication: 'NO_SIGNING_CERTIFICATE_FOUND',
    });
  }

  const now = context.options.at ?? new Date();
  const carried = embeddedCrls(signedData, attribute(ADBE_REVOCATION_INFO));
  const revocation = revocationCheckerFor(
    context.options,
    carried,
    context.options.validationData ?? {},
  );

  // Proof of existence: the earliest valid time-stamp over this signature.
  // A signature time-stamp is itself checked at the time a document time-stamp over it proves.
  const documentProven = earliest(context.options.provenTimes ?? []);
  const timestamps: TimestampReport[] = [
    ...(await signatureTimestamps(signerInfo, context, documentProven ?? now, revocation)),
    ...(context.options.provenTimes ?? []),
  ];
  const proven = earliest(timestamps);
  const checkedAt = proven ?? now;
  const checkedAtSource: CheckedAtSource = proven
    ? 'timestamp'
    : context.options.at
      ? 'option'
      : 'now';

  const checkChain = context.options.checkChain ?? true;
  const chain = await validateChain(certificate, {
    // Without the chain check the certificate is its own anchor: dates, usage and algorithms only.
    roots: checkChain ? context.roots : [certificate],
    candidates: checkChain ? context.candidates : [],
    at: checkedAt,
    purpose: 'signing',
    revocation,
    revocationPolicy: context.options.revocationPolicy ?? 'when-declared',
  });
  const claimed = signingTimeOf(attribute(OID.signingTime)) ?? context.options.claimedSigningTime;
  if (!chain.ok) {
    const path = (chain.path ?? []).slice(1).map((item) => certificateInfo(item, derOf(item)));
    const { code, subIndication } = mapChainFailure(chain, proven !== undefined);
    return failure(code, chain.reason, { ...withCert, subIndication, chain: path, timestamps });
  }

  return {
    ok: true,
    signer: {
      certificate: info,
      chain: checkChain
        ? chain.path.slice(1).map((item) => certificateInfo(item, derOf(item)))
        : [],
      revocation: chain.revocation,
      timestamps,
      indication: 'TOTAL-PASSED',
      trusted: checkChain,
      digestAlgorithm,
      signatureAlgorithm,
      signingTime: claimed,
      checkedAt,
      checkedAtSource,
      signingCertificateAttribute: binding.kind,
    },
  };
}

/** The earliest time a valid time-stamp among these proves. */
function earliest(timestamps: readonly TimestampReport[]): Date | undefined {
  return timestamps
    .filter((item) => item.ok && item.time)
    .map((item) => item.time as Date)
    .sort((a, b) => a.getTime() - b.getTime())[0];
}

/**
 * The signature time-stamp of a signer (CAdES-T, PAdES-B-T), validated at `now` against the
 * same trusted roots and revocation sources: only a valid one proves a time.
 */
async function signatureTimestamps(
  signerInfo: SignerInfo,
  context: SignerContext,
  now: Date,
  revocation: RevocationChecker,
): Promise<TimestampReport[]> {
  const result = await verifySignatureTimestamp(signerInfo, {
    trustedRoots: context.roots,
    intermediates: context.candidates,
    at: now,
    revocation,
    revocationPolicy: context.options.revocationPolicy ?? 'when-declared',
  });
  if (!result) return [];
  return [
    result.ok
      ? { kind: 'signature', ok: true, time: result.genTime, authority: result.tsa }
      : {
          kind: 'signature',
          ok: false,
          time: undefined,
          authority: result.tsa,
          reason: result.reason,
        },
  ];
}

/** The failure code and ETSI sub-indication of a path that does not hold. */
function mapChainFailure(
  chain: ChainFailure,
  proven: boolean,
): { code: VerificationFailure; subIndication: SubIndication } {
  switch (chain.subIndication) {
    case 'OUT_OF_BOUNDS_NO_POE':
      if (chain.bounds === 'not-yet-valid') {
        return {
          code: 'not-yet-valid',
          subIndication: chain.endCertificate ? 'NOT_YET_VALID' : 'OUT_OF_BOUNDS_NO_POE',
        };
      }
      // A time-stamp proves the signature was made after the certificate expired.
      return {
        code: 'expired',
        subIndication: proven && chain.endCertificate ? 'EXPIRED' : 'OUT_OF_BOUNDS_NO_POE',
      };
    case 'REVOKED':
    case 'REVOKED_CA_NO_POE':
    case 'REVOKED_NO_POE':
      return { code: 'revoked', subIndication: chain.subIndication };
    case 'TRY_LATER':
      return { code: 'revocation-unknown', subIndication: 'TRY_LATER' };
    case 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE':
      return { code: 'weak-algorithm', subIndication: chain.subIndication };
    case 'CHAIN_CONSTRAINTS_FAILURE':
      return {
        code: chain.endCertificate ? 'key-usage' : 'untrusted',
        subIndication: chain.subIndication,
      };
    default:
      return { code: 'untrusted', subIndication: chain.subIndication };
  }
}

/** CRLs and OCSP answers carried in the CMS and in Adobe's revocation-info attribute. */
function embeddedCrls(
  signedData: SignedData,
  adobe: unknown,
): { crls: Uint8Array[]; ocspResponses: Uint8Array[] } {
  const crls: Uint8Array[] = [];
  const ocspResponses: Uint8Array[] = [];
  for (const item of signedData.crls ?? []) {
    if (item instanceof CertificateRevocationList) {
      crls.push(new Uint8Array(item.toSchema().toBER(false)));
    } else if (
      item instanceof OtherRevocationInfoFormat &&
      item.otherRevInfoFormat === ID_RI_OCSP_RESPONSE
    ) {
      const value = item.otherRevInfo as asn1js.AsnType;
      ocspResponses.push(new Uint8Array(value.toBER(false)));
    }
  }
  // RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRL OPTIONAL,
  //   ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse OPTIONAL, otherRevInfo [2] … OPTIONAL }
  if (adobe && typeof (adobe as asn1js.AsnType).toBER === 'function') {
    const archival = readElement(new Uint8Array((adobe as asn1js.AsnType).toBER(false)));
    for (const field of (archival && readChildren(archival.value)) ?? []) {
      const list = readChildren(field.value)?.[0];
      if (!list) continue;
      for (const entry of readChildren(list.value) ?? []) {
        const value = list.value.subarray(entry.start, entry.end);
        if (field.tag === 0xa0) crls.push(value);
        else if (field.tag === 0xa1) ocspResponses.push(value);
      }
    }
  }
  return { crls, ocspResponses };
}

function signingTimeOf(value: unknown): Date | undefined {
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) {
    return value.toDate();
  }
  return undefined;
}

function findSignerCertificate(
  signerInfo: SignerInfo,
  candidates: readonly Certificate[],
): Certificate | undefined {
  const sid = signerInfo.sid as unknown;
  if (sid instanceof IssuerAndSerialNumber) {
    return candidates.find(
      (cert) => cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber),
    );
  }
  // subjectKeyIdentifier [0] IMPLICIT OCTET STRING
  const block = sid as { valueBlock?: { valueHexView?: Uint8Array } };
  const keyId = block.valueBlock?.valueHexView;
  if (!keyId) return undefined;
  return candidates.find((cert) => {
    const extension = cert.extensions?.find((ext) => ext.extnID === OID.subjectKeyIdentifier);
    const parsed = extension && readElement(extension.extnValue.valueBlock.valueHexView);
    return parsed !== undefined && equalBytes(parsed.value, keyId);
  });
}

function parseCertificates(inputs: readonly CertificateInput[]): Certificate[] {
  const ders = inputs.flatMap((input) =>
    typeof input === 'string' ? pemBlocks(input) : [certificateDer(input) ?? new Uint8Array()],
  );
  return ders.map((der) => Certificate.fromBER(toArrayBuffer(der)));
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
