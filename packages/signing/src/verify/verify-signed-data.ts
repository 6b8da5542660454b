import * as asn1js from 'asn1js';
import {
  Certificate,
  CertificateChainValidationEngine,
  ContentInfo,
  getCrypto,
  IssuerAndSerialNumber,
  SignedData,
  type SignerInfo,
} from 'pkijs';
import { type DigestAlgorithm, digestAlgorithmFromOid } from '../digest/algorithms.js';
import { digest } from '../digest/digest.js';
import { equalBytes, toArrayBuffer } from '../internal/bytes.js';
import { readChildren, readElement } from '../internal/der.js';
import { OID } from '../internal/oids.js';
import { type CertificateInput, certificateDer, pemBlocks } from '../internal/pem.js';
import { type CertificateInfo, certificateInfo, keyUsages } from './certificate-info.js';
import {
  type CheckedAtSource,
  failure,
  type SignatureVerification,
  type VerifiedSigner,
} from './result.js';

/** Options of `verifyCades` and `verifyPades`. */
export interface VerifyOptions {
  /**
   * The certification authorities you trust (DER or PEM; a PEM text may hold several). For
   * Vietnam, the root of the National Electronic Authentication Centre (NEAC) and those of the
   * licensed CAs your agency accepts.
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
   * The time to check the certificate's validity and chain at. Default: the signing time the
   * signature claims, or now when it claims none.
   */
  readonly at?: Date;
}

/** Computes the signed content's digest with the algorithm a signer used. */
export type ContentDigester = (algorithm: DigestAlgorithm) => Promise<Uint8Array>;

interface CoreOptions extends VerifyOptions {
  /** A signing time claimed outside the CMS (a PDF's `/M`). */
  readonly claimedSigningTime?: Date;
}

const WEBCRYPTO_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.1': 'RSASSA-PKCS1-v1_5',
  '1.2.840.113549.1.1.11': 'RSASSA-PKCS1-v1_5',
  '1.2.840.113549.1.1.12': 'RSASSA-PKCS1-v1_5',
  '1.2.840.113549.1.1.13': 'RSASSA-PKCS1-v1_5',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10045.4.3.2': 'ECDSA',
  '1.2.840.10045.4.3.3': 'ECDSA',
  '1.2.840.10045.4.3.4': 'ECDSA',
};

/**
 * Checks a DER CMS SignedData over content known by its digest: integrity, the signature
 * value, the ESS certificate binding, the certificate's validity and key usage, and the chain.
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

  const signers: VerifiedSigner[] = [];
  for (const [signerIndex, signerInfo] of signedData.signerInfos.entries()) {
    const result = await verifySigner(signedData, signerInfo, signerIndex, {
      contentDigest,
      candidates: [...embedded, ...extra],
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
    return failure('malformed', "The signer's certificate is not in the signature.", at);
  }
  const der = new Uint8Array(certificate.toSchema().toBER(false));
  const info = certificateInfo(certificate, der);
  const withCert = { ...at, certificate: info };

  const digestAlgorithm = digestAlgorithmFromOid(signerInfo.digestAlgorithm.algorithmId);
  if (!digestAlgorithm) {
    return failure(
      'malformed',
      `Digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not SHA-256/384/512.`,
      withCert,
    );
  }
  const signatureAlgorithm = WEBCRYPTO_NAMES[signerInfo.signatureAlgorithm.algorithmId];
  if (!signatureAlgorithm) {
    return failure(
      'malformed',
      `Signature algorithm ${signerInfo.signatureAlgorithm.algorithmId} is not supported.`,
      withCert,
    );
  }
  const attributes = signerInfo.signedAttrs?.attributes;
  if (!signerInfo.signedAttrs || !attributes) {
    return failure('malformed', 'No signed attributes (CAdES requires them).', withCert);
  }
  const attribute = (oid: string) => attributes.find((item) => item.type === oid)?.values[0];

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
    return failure('tampered', 'The document does not match the signed message digest.', withCert);
  }

  const toBeSigned = new Uint8Array(signerInfo.signedAttrs.encodedValue.slice(0));
  toBeSigned[0] = 0x31;
  let valid: boolean;
  try {
    valid = await getCrypto(true).verifyWithPublicKey(
      toBeSigned,
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
    return failure('tampered', "The signature value does not match the signer's key.", withCert);
  }

  const binding = await checkSigningCertificate(attribute, der);
  if (binding === 'mismatch') {
    return failure(
      'tampered',
      'The ESS signing-certificate attribute names another certificate.',
      withCert,
    );
  }

  const claimed = signingTimeOf(attribute(OID.signingTime)) ?? context.options.claimedSigningTime;
  const { checkedAt, checkedAtSource } = checkTime(context.options.at, claimed);
  if (checkedAt < info.notBefore) {
    return failure(
      'not-yet-valid',
      `Certificate valid from ${info.notBefore.toISOString()}.`,
      withCert,
    );
  }
  if (checkedAt > info.notAfter) {
    return failure('expired', `Certificate valid until ${info.notAfter.toISOString()}.`, withCert);
  }
  const usages = keyUsages(certificate);
  if (usages && !usages.includes('digitalSignature') && !usages.includes('nonRepudiation')) {
    return failure(
      'key-usage',
      `Key usage is ${usages.join(', ') || 'empty'}; digitalSignature or nonRepudiation is required.`,
      withCert,
    );
  }

  let chain: CertificateInfo[] = [];
  const checkChain = context.options.checkChain ?? true;
  if (checkChain) {
    if (context.roots.length === 0) {
      return failure('untrusted', 'No trusted roots were given.', withCert);
    }
    const engine = new CertificateChainValidationEngine({
      trustedCerts: [...context.roots],
      certs: [certificate, ...context.candidates.filter((item) => item !== certificate)],
      checkDate: checkedAt,
    });
    let verdict: Awaited<ReturnType<CertificateChainValidationEngine['verify']>>;
    try {
      verdict = await engine.verify();
    } catch (error) {
      return failure('untrusted', `Chain validation failed: ${describeError(error)}`, withCert);
    }
    if (!verdict.result) {
      return failure('untrusted', `Chain validation failed: ${verdict.resultMessage}`, withCert);
    }
    chain = (verdict.certificatePath ?? [])
      .map((item) => certificateInfo(item, new Uint8Array(item.toSchema().toBER(false))))
      .filter((item) => !equalBytes(item.der, der));
  }

  return {
    ok: true,
    signer: {
      certificate: info,
      chain,
      trusted: checkChain,
      digestAlgorithm,
      signatureAlgorithm,
      signingTime: claimed,
      checkedAt,
      checkedAtSource,
      signingCertificateAttribute: binding === 'absent' ? 'absent' : binding,
    },
  };
}

function checkTime(
  option: Date | undefined,
  claimed: Date | undefined,
): { checkedAt: Date; checkedAtSource: CheckedAtSource } {
  if (option) return { checkedAt: option, checkedAtSource: 'option' };
  if (claimed) return { checkedAt: claimed, checkedAtSource: 'signing-time' };
  return { checkedAt: new Date(), checkedAtSource: 'now' };
}

function signingTimeOf(value: unknown): Date | undefined {
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) {
    return value.toDate();
  }
  return undefined;
}

/**
 * Compares the first ESSCertID(v2) of the signing-certificate attribute with the signer's
 * certificate (RFC 5035 §3): a different hash means the certificate was swapped.
 */
async function checkSigningCertificate(
  attribute: (oid: string) => unknown,
  certificate: Uint8Array,
): Promise<'v2' | 'v1' | 'absent' | 'mismatch'> {
  const v2 = attribute(OID.signingCertificateV2);
  const v1 = attribute(OID.signingCertificate);
  const value = (v2 ?? v1) as asn1js.AsnType | undefined;
  if (!value) return 'absent';
  const der = new Uint8Array(value.toBER(false));
  const outer = readElement(der);
  const certs = outer && readChildren(outer.value)?.[0];
  const first = certs && readChildren(certs.value)?.[0];
  const fields = first && readChildren(first.value);
  if (!fields) return 'mismatch';
  let algorithm: DigestAlgorithm | 'SHA-1' = v2 ? 'SHA-256' : 'SHA-1';
  let index = 0;
  if (v2 && fields[0]?.tag === 0x30) {
    const oid = readChildren(fields[0].value)?.[0];
    const named = oid && digestAlgorithmFromOid(asn1OidText(oid.value));
    if (!named) return 'mismatch';
    algorithm = named;
    index = 1;
  }
  const hash = fields[index];
  if (hash?.tag !== 0x04) return 'mismatch';
  const actual =
    algorithm === 'SHA-1'
      ? new Uint8Array(await crypto.subtle.digest('SHA-1', toArrayBuffer(certificate)))
      : await digest(certificate, algorithm);
  if (!equalBytes(actual, hash.value)) return 'mismatch';
  return v2 ? 'v2' : 'v1';
}

function asn1OidText(value: Uint8Array): string {
  const oid = new asn1js.ObjectIdentifier();
  oid.valueBlock.fromBER(toArrayBuffer(value), 0, value.length);
  return oid.valueBlock.toString();
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
