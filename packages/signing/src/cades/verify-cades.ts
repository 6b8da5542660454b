import type { DigestAlgorithm } from '../digest/algorithms.js';
import { type DigestInput, digest } from '../digest/digest.js';
import type { SignatureVerification } from '../verify/result.js';
import { type VerifyOptions, verifySignedData } from '../verify/verify-signed-data.js';

/** Options of {@link verifyCades}. */
export interface VerifyCadesOptions extends VerifyOptions {}

/**
 * Checks a detached CAdES (or plain CMS) signature over a document: that the document is the
 * one signed, that the signature value matches the signer's certificate, that the certificate
 * was valid at the signing time, allows signing, and chains to one of `trustedRoots`.
 *
 * Never throws for a bad signature: the result says `ok: false` with a `code` and a message in
 * Vietnamese and English. A stream is read once; a document signed by several signers with
 * different digest algorithms must be passed as bytes or a Blob.
 *
 * @example
 * const result = await verifyCades(p7s, file, { trustedRoots: [rootPem] });
 * if (!result.ok) show(result.message.vi);
 */
export async function verifyCades(
  signature: Uint8Array,
  content: DigestInput,
  options: VerifyCadesOptions = {},
): Promise<SignatureVerification> {
  const cache = new Map<DigestAlgorithm, Promise<Uint8Array>>();
  const once = !(
    content instanceof Uint8Array ||
    content instanceof ArrayBuffer ||
    content instanceof Blob
  );
  return verifySignedData(
    signature,
    (algorithm) => {
      let pending = cache.get(algorithm);
      if (!pending) {
        if (once && cache.size > 0) {
          throw new TypeError('verifyCades: pass bytes or a Blob to check several digests.');
        }
        pending = digest(content, algorithm);
        cache.set(algorithm, pending);
      }
      return pending;
    },
    options,
  );
}
