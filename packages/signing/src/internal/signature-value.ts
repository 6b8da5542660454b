import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, getCrypto, SignedData } from 'pkijs';
import { digestAlgorithmFromOid } from '../digest/algorithms.js';
import { SignatureValueError } from '../errors/signature-value-error.js';
import { toArrayBuffer } from './bytes.js';

/**
 * Checks, before a CMS signature is embedded anywhere, that its first SignerInfo's signature
 * value verifies over its signed attributes with the public key of `certificate` (DER). A
 * remote signing service returns only a signature value; if it signed with another key or
 * another request's digest, the document would carry a signature that can never verify.
 * Throws {@link SignatureValueError}.
 */
export async function checkSignatureValue(cms: Uint8Array, certificate: Uint8Array): Promise<void> {
  let valid: boolean;
  try {
    const parsed = asn1js.fromBER(toArrayBuffer(cms));
    const signedData = new SignedData({
      schema: new ContentInfo({ schema: parsed.result }).content,
    });
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo?.signedAttrs) throw new Error('No SignerInfo with signed attributes.');
    const toBeSigned = new Uint8Array(signerInfo.signedAttrs.encodedValue.slice(0));
    toBeSigned[0] = 0x31;
    const hash = digestAlgorithmFromOid(signerInfo.digestAlgorithm.algorithmId);
    if (!hash) throw new Error(`Unknown digest ${signerInfo.digestAlgorithm.algorithmId}.`);
    valid = await getCrypto(true).verifyWithPublicKey(
      toBeSigned,
      signerInfo.signature,
      Certificate.fromBER(toArrayBuffer(certificate)).subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      hash,
    );
  } catch (error) {
    throw new SignatureValueError(
      `The signature value cannot be checked: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (!valid) {
    throw new SignatureValueError(
      "The signature value does not verify with the certificate's key.",
    );
  }
}
