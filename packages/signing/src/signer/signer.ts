import type { DigestAlgorithm } from '../digest/algorithms.js';

/**
 * How a signature value is made. The hash is the one the signer signs with; a CMS signature
 * built from it uses the same hash for the document's digest.
 *
 * - `RSASSA-PKCS1-v1_5`: RSA with PKCS #1 v1.5 padding, what most Vietnamese certificates
 *   (USB tokens, remote signing) use today.
 * - `RSA-PSS`: RSA with PSS padding; `saltLength` in bytes (the digest length is usual).
 * - `ECDSA`: on P-256 or P-384; signature values are DER `Ecdsa-Sig-Value` as CMS wants.
 */
export type SignatureAlgorithm =
  | { readonly name: 'RSASSA-PKCS1-v1_5'; readonly hash: DigestAlgorithm }
  | { readonly name: 'RSA-PSS'; readonly hash: DigestAlgorithm; readonly saltLength: number }
  | { readonly name: 'ECDSA'; readonly hash: DigestAlgorithm };

/** Who signs, and how: what goes into the signature besides the signature value. */
export interface SignerDescription {
  /** The signer's certificate, DER. */
  readonly certificate: Uint8Array;
  /** Intermediate CA certificates to embed, DER, nearest first (the root may be left out). */
  readonly chain: readonly Uint8Array[];
  readonly algorithm: SignatureAlgorithm;
}

/** Options every signing call accepts. */
export interface SignOptions {
  /** Cancels the signing (a remote signer stops waiting for the person's approval). */
  readonly signal?: AbortSignal;
}

interface SignerBase {
  /**
   * The certificate, chain and algorithm. Asynchronous because a remote signer asks its
   * service (CSC `credentials/info`).
   */
  describe(options?: SignOptions): Promise<SignerDescription>;
}

/**
 * A signer that signs the to-be-signed bytes themselves and hashes them on its own side:
 * a WebCrypto key, a PKCS #11 token through a local bridge.
 */
export interface DataSigner extends SignerBase {
  readonly kind: 'data';
  /** The signature value of `data`, hashed and signed with `describe().algorithm`. */
  sign(data: Uint8Array, options?: SignOptions): Promise<Uint8Array>;
}

/**
 * A signer that only signs a digest computed by the caller: remote signing services (the
 * Cloud Signature Consortium's `signatures/signHash`), HSM gateways. The document never leaves
 * the person's device; only its digest does.
 */
export interface DigestSigner extends SignerBase {
  readonly kind: 'digest';
  /** The signature value of a digest computed with `describe().algorithm.hash`. */
  signDigest(digest: Uint8Array, options?: SignOptions): Promise<Uint8Array>;
}

/** Either kind of signer; `signCades` and `signPades` accept both. */
export type Signer = DataSigner | DigestSigner;
