import * as asn1js from 'asn1js';
import {
  Certificate,
  ContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  type SignerInfo,
  TSTInfo,
} from 'pkijs';
import { equalBytes, toArrayBuffer } from '../internal/bytes.js';
import { readElement } from '../internal/der.js';
import { OID } from '../internal/oids.js';

/** id-ct-TSTInfo (RFC 3161 §2.4.2): the content type a time-stamp token's SignedData holds. */
export const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';

/** A time-stamp token taken apart: the SignedData, its TSTInfo and the TSTInfo's DER. */
export interface ParsedTimestampToken {
  readonly signedData: SignedData;
  readonly tstInfo: TSTInfo;
  /** The encapsulated content as signed: the DER of the TSTInfo. */
  readonly eContent: Uint8Array;
}

/**
 * Reads a TimeStampToken (RFC 3161 §2.4.2: a ContentInfo holding a SignedData whose content is
 * a TSTInfo, signed by exactly one signer), zero padding after it allowed (a PDF's
 * `/Contents`). Throws a `TypeError` saying what is wrong.
 */
export function parseTimestampToken(token: Uint8Array): ParsedTimestampToken {
  const parsed = asn1js.fromBER(toArrayBuffer(token));
  if (parsed.offset === -1) throw new TypeError('The time-stamp token is not BER/DER.');
  // A PDF's /Contents is padded with zeros up to the room reserved (ISO 32000-1 §12.8.1);
  // anything else after the token is not part of it.
  if (token.subarray(parsed.offset).some((byte) => byte !== 0)) {
    throw new TypeError('The time-stamp token has bytes after its end.');
  }
  let signedData: SignedData;
  try {
    const contentInfo = new ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID.signedData) {
      throw new TypeError(`content type ${contentInfo.contentType} is not signedData`);
    }
    signedData = new SignedData({ schema: contentInfo.content });
  } catch (error) {
    throw new TypeError(`The time-stamp token is not a CMS SignedData: ${describe(error)}`);
  }
  if (signedData.encapContentInfo.eContentType !== TST_INFO_OID) {
    throw new TypeError(
      `The time-stamp token holds ${signedData.encapContentInfo.eContentType}, not a TSTInfo.`,
    );
  }
  const content = signedData.encapContentInfo.eContent;
  if (!content) throw new TypeError('The time-stamp token has no TSTInfo inside.');
  if (signedData.signerInfos.length !== 1) {
    throw new TypeError(
      `A time-stamp token has one signer (RFC 3161 §2.4.2); this one has ${signedData.signerInfos.length}.`,
    );
  }
  const eContent = new Uint8Array(content.getValue());
  let tstInfo: TSTInfo;
  try {
    tstInfo = TSTInfo.fromBER(toArrayBuffer(eContent));
  } catch (error) {
    throw new TypeError(`The TSTInfo cannot be read: ${describe(error)}`);
  }
  if (tstInfo.version !== 1) throw new TypeError(`TSTInfo version ${tstInfo.version} is not 1.`);
  return { signedData, tstInfo, eContent };
}

/** The certificate a SignerInfo names (by issuer and serial, or by subject key identifier). */
export function findSignerCertificate(
  sid: unknown,
  candidates: readonly Certificate[],
): Certificate | undefined {
  if (sid instanceof IssuerAndSerialNumber) {
    return candidates.find(
      (cert) => cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber),
    );
  }
  // subjectKeyIdentifier [0] IMPLICIT OCTET STRING
  const keyId = (sid as { valueBlock?: { valueHexView?: Uint8Array } }).valueBlock?.valueHexView;
  if (!keyId) return undefined;
  return candidates.find((cert) => {
    const extension = cert.extensions?.find((ext) => ext.extnID === OID.subjectKeyIdentifier);
    const parsed = extension && readElement(extension.extnValue.valueBlock.valueHexView);
    return parsed !== undefined && equalBytes(parsed.value, keyId);
  });
}

/** The certificates a SignedData carries (other certificate formats left out). */
export function embeddedCertificates(signedData: SignedData): Certificate[] {
  return (signedData.certificates ?? []).filter(
    (item): item is Certificate => item instanceof Certificate,
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The signature time-stamp token a SignerInfo carries (the first id-aa-signatureTimeStampToken
 * unsigned attribute), DER; `undefined` when it carries none. Validate it with
 * `verifySignatureTimestamp` (or `verifyTimestampToken` over the digest of the
 * signature value): a token that is only present proves nothing.
 */
export function readSignatureTimestamp(signerInfo: SignerInfo): Uint8Array | undefined {
  const attribute = signerInfo.unsignedAttrs?.attributes.find(
    (item) => item.type === OID.signatureTimeStampToken,
  );
  const value = attribute?.values[0] as asn1js.AsnType | undefined;
  if (!value) return undefined;
  // Bytes as they were received when asn1js kept them; re-encoded (DER) otherwise.
  const before = (value as { valueBeforeDecodeView?: Uint8Array }).valueBeforeDecodeView;
  return before && before.length > 0 ? before.slice() : new Uint8Array(value.toBER(false));
}
