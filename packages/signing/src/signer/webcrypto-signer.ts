import { type DigestAlgorithm, isDigestAlgorithm } from '../digest/algorithms.js';
import { toArrayBuffer } from '../internal/bytes.js';
import { ecdsaRawToDer } from '../internal/ecdsa.js';
import { CURVE_HASHES, certifiedKey } from '../internal/key-info.js';
import { type CertificateInput, certificateDer, pemBlocks } from '../internal/pem.js';
import { defaultSaltLength } from '../internal/signature-algorithm.js';
import type { DataSigner, SignatureAlgorithm, SignerDescription, SignOptions } from './signer.js';

/** Options of {@link WebCryptoSigner}. */
export interface WebCryptoSignerOptions {
  /**
   * A private WebCrypto key with the `sign` usage: `RSASSA-PKCS1-v1_5`, `RSA-PSS` or `ECDSA`
   * (P-256, P-384). It may be non-extractable; it never leaves WebCrypto.
   */
  readonly privateKey: CryptoKey;
  /** The certificate of the key's public half. */
  readonly certificate: CertificateInput;
  /** Intermediate CA certificates to embed in signatures, nearest first. */
  readonly chain?: readonly CertificateInput[];
  /**
   * The hash of an ECDSA signature (an RSA key carries its hash in WebCrypto). Default: the one
   * matching the curve, SHA-256 for P-256 and SHA-384 for P-384.
   */
  readonly hash?: DigestAlgorithm;
  /** PSS salt length in bytes. Default: the digest length. */
  readonly saltLength?: number;
}

/** Options of {@link WebCryptoSigner.fromPkcs8}. */
export interface Pkcs8SignerOptions extends Omit<WebCryptoSignerOptions, 'privateKey'> {
  /** The private key as PKCS #8, DER or PEM (`-----BEGIN PRIVATE KEY-----`). */
  readonly privateKey: Uint8Array | string;
  /** For an RSA key: PKCS #1 v1.5 (default, what Vietnamese CAs issue for) or PSS. */
  readonly rsaPadding?: 'pkcs1' | 'pss';
  /** For an RSA key: its hash. Default SHA-256. */
  readonly hash?: DigestAlgorithm;
}

/**
 * Signs with a WebCrypto private key held by the page, a worker or Node. The key never leaves
 * WebCrypto; ECDSA signatures are converted from WebCrypto's `r‖s` to the DER form CMS needs.
 */
export class WebCryptoSigner implements DataSigner {
  readonly kind = 'data';
  readonly #key: CryptoKey;
  readonly #description: SignerDescription;

  constructor(options: WebCryptoSignerOptions) {
    const certificate = certificateDer(options.certificate);
    if (!certificate)
      throw new TypeError('WebCryptoSigner: the certificate is neither DER nor PEM.');
    const chain = (options.chain ?? []).map((entry) => {
      const der = certificateDer(entry);
      if (!der) throw new TypeError('WebCryptoSigner: a chain certificate is neither DER nor PEM.');
      return der;
    });
    this.#key = options.privateKey;
    this.#description = { certificate, chain, algorithm: algorithmOf(options) };
  }

  /**
   * A signer from a PKCS #8 private key (what `openssl genpkey` writes) and its certificate; the
   * key type comes from the certificate. The imported key is not extractable.
   */
  static async fromPkcs8(options: Pkcs8SignerOptions): Promise<WebCryptoSigner> {
    const pkcs8 =
      typeof options.privateKey === 'string'
        ? pemBlocks(options.privateKey, 'PRIVATE KEY')[0]
        : options.privateKey;
    const certificate = certificateDer(options.certificate);
    if (!pkcs8 || !certificate) {
      throw new TypeError('WebCryptoSigner.fromPkcs8: the key or the certificate cannot be read.');
    }
    const key = certifiedKey(certificate);
    const hash = options.hash ?? 'SHA-256';
    let algorithm: RsaHashedImportParams | EcKeyImportParams;
    if (key?.type === 'RSA') {
      const name = options.rsaPadding === 'pss' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5';
      algorithm = { name, hash };
    } else if (key?.type === 'EC' && key.namedCurve !== 'P-521') {
      algorithm = { name: 'ECDSA', namedCurve: key.namedCurve };
    } else {
      throw new TypeError(
        'WebCryptoSigner.fromPkcs8: the certificate is not for an RSA or P-256/P-384 key.',
      );
    }
    const privateKey = await crypto.subtle.importKey(
      'pkcs8',
      toArrayBuffer(pkcs8),
      algorithm,
      false,
      ['sign'],
    );
    return new WebCryptoSigner({ ...options, privateKey, certificate });
  }

  async describe(): Promise<SignerDescription> {
    return this.#description;
  }

  async sign(data: Uint8Array, options: SignOptions = {}): Promise<Uint8Array> {
    options.signal?.throwIfAborted();
    const algorithm = this.#description.algorithm;
    const params =
      algorithm.name === 'ECDSA'
        ? { name: 'ECDSA', hash: algorithm.hash }
        : algorithm.name === 'RSA-PSS'
          ? { name: 'RSA-PSS', saltLength: algorithm.saltLength }
          : { name: 'RSASSA-PKCS1-v1_5' };
    const signature = new Uint8Array(
      await crypto.subtle.sign(params, this.#key, toArrayBuffer(data)),
    );
    return algorithm.name === 'ECDSA' ? ecdsaRawToDer(signature) : signature;
  }
}

function algorithmOf(options: WebCryptoSignerOptions): SignatureAlgorithm {
  const keyAlgorithm = options.privateKey.algorithm as KeyAlgorithm & {
    hash?: { name?: string };
    namedCurve?: string;
  };
  switch (keyAlgorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
    case 'RSA-PSS': {
      const hash = keyAlgorithm.hash?.name;
      if (!isDigestAlgorithm(hash)) {
        throw new TypeError(`WebCryptoSigner: the RSA key's hash ${String(hash)} is not SHA-2.`);
      }
      return keyAlgorithm.name === 'RSA-PSS'
        ? { name: 'RSA-PSS', hash, saltLength: options.saltLength ?? defaultSaltLength(hash) }
        : { name: 'RSASSA-PKCS1-v1_5', hash };
    }
    case 'ECDSA': {
      const curve = keyAlgorithm.namedCurve;
      if (curve !== 'P-256' && curve !== 'P-384') {
        throw new TypeError(`WebCryptoSigner: curve ${String(curve)} is not P-256 or P-384.`);
      }
      return { name: 'ECDSA', hash: options.hash ?? CURVE_HASHES[curve] };
    }
    default:
      throw new TypeError(`WebCryptoSigner: ${keyAlgorithm.name} keys cannot sign documents.`);
  }
}
