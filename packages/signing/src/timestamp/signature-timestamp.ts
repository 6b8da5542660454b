import * as asn1js from 'asn1js';
import { Attribute, SignedAndUnsignedAttributes, type SignerInfo } from 'pkijs';
import type { DigestAlgorithm } from '../digest/algorithms.js';
import { digest } from '../digest/digest.js';
import { toArrayBuffer } from '../internal/bytes.js';
import { OID } from '../internal/oids.js';
import { requestTimestamp, type TimestampRequestOptions } from './request-timestamp.js';

export { readSignatureTimestamp } from './token.js';

/**
 * Time-stamps a SignerInfo's signature value (CAdES-T, ETSI EN 319 122-1 §5.3; PAdES-B-T,
 * EN 319 142-1 §5.3): asks the TSA for a token over the digest of the signature value and adds
 * it as the unsigned attribute id-aa-signatureTimeStampToken (RFC 3161 Appendix A).
 *
 * The imprint uses `options.hashAlgorithm`, or the signer's own digest algorithm.
 */
export async function addSignatureTimestamp(
  signerInfo: SignerInfo,
  hash: DigestAlgorithm,
  options: TimestampRequestOptions,
): Promise<Uint8Array> {
  const hashAlgorithm = options.hashAlgorithm ?? hash;
  const value = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  const { token } = await requestTimestamp(
    { digest: await digest(value, hashAlgorithm) },
    { ...options, hashAlgorithm },
  );
  const parsed = asn1js.fromBER(toArrayBuffer(token));
  if (parsed.offset === -1) throw new TypeError('Internal error: the token is not DER.');
  const attribute = new Attribute({ type: OID.signatureTimeStampToken, values: [parsed.result] });
  const existing = signerInfo.unsignedAttrs?.attributes ?? [];
  signerInfo.unsignedAttrs = new SignedAndUnsignedAttributes({
    type: 1,
    attributes: [...existing, attribute],
  });
  return token;
}
