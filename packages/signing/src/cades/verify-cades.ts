import type { DigestAlgorithm } from '../digest/algorithms.js';
import { type DigestInput, digest } from '../digest/digest.js';
import type { SignatureVerification } from '../verify/result.js';
import { type VerifyOptions, verifySignedData } from '../verify/verify-signed-data.js';

async function bytesOf(content: Uint8Array | ArrayBuffer | Blob): Promise<Uint8Array> {
  if (content instanceof Uint8Array) return content;
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  return new Uint8Array(await content.arrayBuffer());
}

/** Options of {@link verifyCades}. */
export interface VerifyCadesOptions extends VerifyOptions {}

/**
 * Checks a detached CAdES (or plain CMS) signature over a document: that the document is the
 * one signed, that the signature value matches the signer's certificate, and that the
 * certificate chains to one of `trustedRoots`, allows signing and was neither expired nor
 * revoked — now, or at the time a signature time-stamp proves (CAdES-T).
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
  const digester = (algorithm: DigestAlgorithm) => {
    let pending = cache.get(algorithm);
    if (!pending) {
      if (once && cache.size > 0) {
        throw new TypeError('verifyCades: pass bytes or a Blob to check several digests.');
      }
      pending = digest(content, algorithm);
      cache.set(algorithm, pending);
    }
    return pending;
  };
  // A plain CMS signature without signed attributes is checked over the content itself.
  const bytes = once ? undefined : () => bytesOf(content as Uint8Array | ArrayBuffer | Blob);
  return verifySignedData(
    signature,
    Object.assign(digester, bytes ? { content: bytes } : {}),
    options,
  );
}
