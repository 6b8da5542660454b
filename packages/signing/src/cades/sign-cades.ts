import { type DigestInput, digest } from '../digest/digest.js';
import type { Signer } from '../signer/signer.js';
import { createSignedData, type SignedDataOptions } from './create-signed-data.js';

/** Options of {@link signCades}. */
export interface SignCadesOptions extends SignedDataOptions {}

/**
 * Signs a document with a detached CAdES-BES signature: the `.p7s` file that travels beside the
 * document (DER-encoded CMS SignedData, without the document inside).
 *
 * The document is only digested here, so a large file can be passed as a `Blob` or a stream;
 * a {@link DigestSigner} (remote service) receives only the digest of the signed attributes.
 *
 * @example
 * const p7s = await signCades(file, signer, { signingTime: new Date() });
 */
export async function signCades(
  content: DigestInput,
  signer: Signer,
  options: SignCadesOptions = {},
): Promise<Uint8Array> {
  const description = await signer.describe(options);
  const contentDigest = await digest(
    content,
    description.algorithm.hash,
    options.signal ? { signal: options.signal } : {},
  );
  return createSignedData(contentDigest, signer, description, options);
}
