import * as asn1js from 'asn1js';
import {
  AlgorithmIdentifier,
  Attribute,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from 'pkijs';
import { digest } from '../digest/digest.js';
import { toArrayBuffer } from '../internal/bytes.js';
import { encodeElement, readChildren, readElement } from '../internal/der.js';
import { OID } from '../internal/oids.js';
import {
  digestAlgorithmIdentifier,
  signatureAlgorithmIdentifier,
} from '../internal/signature-algorithm.js';
import type { Signer, SignerDescription, SignOptions } from '../signer/signer.js';
import type { TimestampRequestOptions } from '../timestamp/request-timestamp.js';
import { addSignatureTimestamp } from '../timestamp/signature-timestamp.js';

/** What goes into the signed attributes besides contentType, messageDigest and the ESS one. */
export interface SignedDataOptions extends SignOptions {
  /**
   * Adds the CMS signing-time attribute. It is the signer's own claim, not a proof of time;
   * PAdES baseline signatures must not carry it (ETSI EN 319 142-1 §5.4: the PDF's `/M` says it).
   */
  readonly signingTime?: Date;
  /**
   * Time-stamps the signature value at a time-stamping authority (TSA) and embeds the token
   * (CAdES-T / PAdES-B-T): a proof, from a third party, that the signature existed then. The
   * imprint's digest is the signer's unless `hashAlgorithm` says otherwise; signing fails with a
   * `TimestampError` when no valid-looking token comes back.
   */
  readonly timestamp?: TimestampRequestOptions;
}

/**
 * A detached CMS SignedData (RFC 5652) in the CAdES-BES / PAdES-B-B form: signed attributes
 * contentType, messageDigest and ESS signingCertificateV2 (ETSI EN 319 122-1 §5.2.2.3), plus
 * signing-time when asked, and the signer's certificate and chain; with `timestamp`, the
 * signature time-stamp that makes it CAdES-T / PAdES-B-T.
 */
export async function createSignedData(
  contentDigest: Uint8Array,
  signer: Signer,
  description: SignerDescription,
  options: SignedDataOptions,
): Promise<Uint8Array> {
  const { algorithm } = description;
  const hash = algorithm.hash;
  const certificate = Certificate.fromBER(toArrayBuffer(description.certificate));
  const attributes = [
    new Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: toArrayBuffer(contentDigest) })],
    }),
    new Attribute({
      type: OID.signingCertificateV2,
      values: [fromDer(await signingCertificateV2(description.certificate, hash))],
    }),
  ];
  if (options.signingTime) {
    attributes.push(
      new Attribute({
        type: OID.signingTime,
        values: [new asn1js.UTCTime({ valueDate: options.signingTime })],
      }),
    );
  }
  // DER orders a SET OF by the encodings of its elements (X.690 §11.6). A verifier that
  // re-encodes the attributes as DER before checking would otherwise hash other bytes.
  const sorted = attributes
    .map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => compareBytes(a.der, b.der))
    .map(({ attribute }) => attribute);
  const signedAttrs = new SignedAndUnsignedAttributes({ type: 0, attributes: sorted });
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they are
  // stored under (RFC 5652 §5.4).
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toBeSigned[0] = 0x31;

  const signature =
    signer.kind === 'data'
      ? await signer.sign(toBeSigned, options)
      : await signer.signDigest(await digest(toBeSigned, hash), options);

  const digestAlgorithm = AlgorithmIdentifier.fromBER(
    toArrayBuffer(digestAlgorithmIdentifier(hash)),
  );
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new IssuerAndSerialNumber({
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
    }),
    digestAlgorithm,
    signedAttrs,
    signatureAlgorithm: AlgorithmIdentifier.fromBER(
      toArrayBuffer(signatureAlgorithmIdentifier(algorithm)),
    ),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  if (options.timestamp) {
    await addSignatureTimestamp(signerInfo, hash, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...options.timestamp,
    });
  }
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm],
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [
      certificate,
      ...description.chain.map((der) => Certificate.fromBER(toArrayBuffer(der))),
    ],
    signerInfos: [signerInfo],
  });
  const contentInfo = new ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/**
 * ESS SigningCertificateV2 (RFC 5035) naming the signer's certificate by hash and by issuer
 * and serial, so that a verifier can tell the certificate was not swapped for another with the
 * same key. The hash algorithm is left out when it is SHA-256, its DER default.
 */
async function signingCertificateV2(
  certificate: Uint8Array,
  hash: SignerDescription['algorithm']['hash'],
): Promise<Uint8Array> {
  const certHash = encodeElement(0x04, await digest(certificate, hash));
  const cert = readElement(certificate);
  const tbs = cert && readChildren(cert.value)?.[0];
  const fields = tbs && readChildren(tbs.value);
  const offset = fields?.[0]?.tag === 0xa0 ? 1 : 0;
  const serial = fields?.[offset];
  const issuer = fields?.[offset + 2];
  if (!tbs || !serial || !issuer) throw new TypeError('The signer certificate is not DER.');
  const issuerSerial = encodeElement(
    0x30,
    // GeneralNames ::= SEQUENCE OF GeneralName; directoryName [4] EXPLICIT Name
    encodeElement(0x30, encodeElement(0xa4, tbs.value.subarray(issuer.start, issuer.end))),
    tbs.value.subarray(serial.start, serial.end),
  );
  const essCertId = encodeElement(
    0x30,
    ...(hash === 'SHA-256' ? [] : [digestAlgorithmIdentifier(hash)]),
    certHash,
    issuerSerial,
  );
  return encodeElement(0x30, encodeElement(0x30, essCertId));
}

function fromDer(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1) throw new TypeError('Internal DER encoding error.');
  return parsed.result;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const diff = (a[i] as number) - (b[i] as number);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
