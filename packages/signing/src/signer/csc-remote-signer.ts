import { DIGEST_OIDS, type DigestAlgorithm } from '../digest/algorithms.js';
import { CscApiError } from '../errors/csc-api-error.js';
import { RemoteApprovalRejectedError } from '../errors/remote-approval-rejected-error.js';
import { RemoteApprovalTimeoutError } from '../errors/remote-approval-timeout-error.js';
import { fromBase64, toBase64 } from '../internal/bytes.js';
import { normalizeEcdsaSignature } from '../internal/ecdsa.js';
import { CURVE_HASHES, CURVE_SIZES, certifiedKey } from '../internal/key-info.js';
import {
  defaultSaltLength,
  signatureAlgorithmOid,
  signatureAlgorithmParameters,
} from '../internal/signature-algorithm.js';
import type { DigestSigner, SignatureAlgorithm, SignerDescription, SignOptions } from './signer.js';

/** Sends one CSC API request (path relative to the base URL) and returns its JSON answer. */
export type CscRequest = (
  path: string,
  body: Record<string, unknown>,
  options?: SignOptions,
) => Promise<CscResponse>;

/** A CSC answer: HTTP status and JSON body (an empty object when there was none). */
export interface CscResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** What one poll of a pending signature request found. */
export type CscPollOutcome =
  | { readonly status: 'pending' }
  | { readonly status: 'signed'; readonly signatures: readonly string[] }
  | { readonly status: 'rejected' };

/**
 * Asynchronous approval: the service answers `signatures/signHash` (operationMode `A`) with a
 * `responseID` at once, sends a notification to the person's phone, and the signer polls until
 * they approve, decline, or `timeoutMs` passes. This is how Vietnamese remote signing services
 * work.
 */
export interface CscApproval {
  /** How often to poll, in milliseconds. Default 2000. */
  readonly intervalMs?: number;
  /** How long to wait for the person, in milliseconds. Default 120000 (two minutes). */
  readonly timeoutMs?: number;
  /**
   * One poll of a pending request. The CSC v2 specification leaves the polling endpoint to the
   * service; the default, {@link pollSignaturesEndpoint}, posts `{ responseID }` to
   * `signatures/signPolling`. Give your own for a service whose status endpoint differs.
   */
  readonly poll?: (
    responseId: string,
    request: CscRequest,
    options: SignOptions,
  ) => Promise<CscPollOutcome>;
  /** `validity_period` sent with the request (seconds the service keeps it open). */
  readonly validityPeriodSeconds?: number;
}

/** Options of {@link CscRemoteSigner}. */
export interface CscRemoteSignerOptions {
  /** The service's CSC API base, ending before the method names, e.g. `https://rs.example.vn/csc/v2`. */
  readonly baseUrl: string | URL;
  /**
   * An OAuth 2.0 access token for the person (scope `service` or `credential`), obtained by
   * the agency's own login flow; called before every request, so it may refresh.
   */
  readonly accessToken: (options: SignOptions) => string | Promise<string>;
  /** The credential (key + certificate) to sign with. Default: the first of `credentials/list`. */
  readonly credentialId?: string;
  /**
   * The Signature Activation Data for a credential with `authMode` `explicit` (PIN or OTP the
   * person types). For `implicit` the signer calls `credentials/authorize` itself; for
   * `oauth2code` the access token is enough.
   */
  readonly sad?: (request: {
    credentialId: string;
    hashes: readonly string[];
  }) => string | Promise<string>;
  /** The hash to sign with an RSA key. Default SHA-256. An EC key uses its curve's hash. */
  readonly hash?: DigestAlgorithm;
  /** For an RSA key: PKCS #1 v1.5 (default) or PSS. */
  readonly rsaPadding?: 'pkcs1' | 'pss';
  /** Wait for the person's approval on their phone (operationMode `A`); synchronous when absent. */
  readonly approval?: CscApproval;
  /** `clientData` sent with every request (e.g. the dossier code, for the service's audit log). */
  readonly clientData?: string;
  /** Replaces the global `fetch` (tests, proxies). */
  readonly fetch?: typeof fetch;
}

interface Credential {
  readonly id: string;
  readonly description: SignerDescription;
  readonly authMode: string;
}

/**
 * Signs through a remote signing service that speaks the Cloud Signature Consortium API v2
 * (`credentials/list`, `credentials/info`, `credentials/authorize`, `signatures/signHash`).
 * Only the digest leaves the device; the document never does.
 *
 * @example
 * const signer = new CscRemoteSigner({
 *   baseUrl: 'https://rs.example.vn/csc/v2',
 *   accessToken: () => session.token,
 *   approval: { timeoutMs: 120_000 },
 * });
 * const p7s = await signCades(file, signer, { signal });
 */
export class CscRemoteSigner implements DigestSigner {
  readonly kind = 'digest';
  readonly #options: CscRemoteSignerOptions;
  #credential: Promise<Credential> | undefined;

  constructor(options: CscRemoteSignerOptions) {
    this.#options = options;
  }

  /** Reads the credential's certificate chain and key algorithm (cached after the first call). */
  async describe(options: SignOptions = {}): Promise<SignerDescription> {
    return (await this.#loadCredential(options)).description;
  }

  async signDigest(digest: Uint8Array, options: SignOptions = {}): Promise<Uint8Array> {
    const credential = await this.#loadCredential(options);
    const { algorithm } = credential.description;
    const hashes = [toBase64(digest)];
    const sad = await this.#signatureActivationData(credential, hashes, options);
    const parameters = signatureAlgorithmParameters(algorithm);
    const approval = this.#options.approval;
    const body: Record<string, unknown> = {
      credentialID: credential.id,
      hashes,
      hashAlgorithmOID: DIGEST_OIDS[algorithm.hash],
      signAlgo: signatureAlgorithmOid(algorithm),
      ...(parameters && algorithm.name === 'RSA-PSS'
        ? { signAlgoParams: toBase64(parameters) }
        : {}),
      ...(sad ? { SAD: sad } : {}),
      ...(approval
        ? {
            operationMode: 'A',
            ...(approval.validityPeriodSeconds
              ? { validity_period: approval.validityPeriodSeconds }
              : {}),
          }
        : {}),
      ...this.#clientData(),
    };
    const answer = await this.#request('signatures/signHash', body, options);
    let signatures: readonly string[] | undefined = stringArray(answer.body.signatures);
    if (!signatures) {
      const responseId = answer.body.responseID;
      if (!approval || typeof responseId !== 'string') {
        throw new CscApiError(
          'signatures/signHash',
          answer.status,
          'invalid_response',
          'No signatures.',
        );
      }
      signatures = await this.#waitForApproval(responseId, approval, options);
    }
    const value = signatures[0] ? fromBase64(signatures[0]) : undefined;
    if (!value) {
      throw new CscApiError(
        'signatures/signHash',
        answer.status,
        'invalid_response',
        'No signature.',
      );
    }
    if (algorithm.name !== 'ECDSA') return value;
    const key = certifiedKey(credential.description.certificate);
    return key?.type === 'EC' ? normalizeEcdsaSignature(value, CURVE_SIZES[key.namedCurve]) : value;
  }

  async #waitForApproval(
    responseId: string,
    approval: CscApproval,
    options: SignOptions,
  ): Promise<readonly string[]> {
    const timeoutMs = approval.timeoutMs ?? 120_000;
    const intervalMs = approval.intervalMs ?? 2_000;
    const poll = approval.poll ?? pollSignaturesEndpoint;
    const deadline = Date.now() + timeoutMs;
    const request: CscRequest = (path, body, requestOptions) =>
      this.#request(path, body, requestOptions ?? options);
    for (;;) {
      await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())), options.signal);
      const outcome = await poll(responseId, request, options);
      if (outcome.status === 'signed') return outcome.signatures;
      if (outcome.status === 'rejected') throw new RemoteApprovalRejectedError(responseId);
      if (Date.now() >= deadline) throw new RemoteApprovalTimeoutError(timeoutMs, responseId);
    }
  }

  async #signatureActivationData(
    credential: Credential,
    hashes: readonly string[],
    options: SignOptions,
  ): Promise<string | undefined> {
    if (this.#options.sad) return this.#options.sad({ credentialId: credential.id, hashes });
    if (credential.authMode !== 'implicit') return undefined;
    const answer = await this.#request(
      'credentials/authorize',
      {
        credentialID: credential.id,
        numSignatures: hashes.length,
        hashes,
        hashAlgorithmOID: DIGEST_OIDS[credential.description.algorithm.hash],
        ...this.#clientData(),
      },
      options,
    );
    const sad = answer.body.SAD;
    if (typeof sad !== 'string') {
      throw new CscApiError('credentials/authorize', answer.status, 'invalid_response', 'No SAD.');
    }
    return sad;
  }

  #loadCredential(options: SignOptions): Promise<Credential> {
    this.#credential ??= this.#fetchCredential(options).catch((error: unknown) => {
      this.#credential = undefined;
      throw error;
    });
    return this.#credential;
  }

  async #fetchCredential(options: SignOptions): Promise<Credential> {
    let id = this.#options.credentialId;
    if (!id) {
      const list = await this.#request('credentials/list', { ...this.#clientData() }, options);
      id = stringArray(list.body.credentialIDs)?.[0];
      if (!id)
        throw new CscApiError(
          'credentials/list',
          list.status,
          'no_credential',
          'The list is empty.',
        );
    }
    const info = await this.#request(
      'credentials/info',
      {
        credentialID: id,
        certificates: 'chain',
        certInfo: false,
        authInfo: true,
        ...this.#clientData(),
      },
      options,
    );
    const cert = info.body.cert as { certificates?: unknown } | undefined;
    const certificates = (stringArray(cert?.certificates) ?? []).map((text) => fromBase64(text));
    const [certificate, ...chain] = certificates;
    if (!certificate || chain.some((item) => !item)) {
      throw new CscApiError('credentials/info', info.status, 'invalid_response', 'No certificate.');
    }
    const authMode = typeof info.body.authMode === 'string' ? info.body.authMode : 'implicit';
    return {
      id,
      authMode,
      description: {
        certificate,
        chain: chain as Uint8Array[],
        algorithm: this.#algorithmFor(certificate),
      },
    };
  }

  #algorithmFor(certificate: Uint8Array): SignatureAlgorithm {
    const key = certifiedKey(certificate);
    const hash = this.#options.hash ?? 'SHA-256';
    if (key?.type === 'EC')
      return { name: 'ECDSA', hash: this.#options.hash ?? CURVE_HASHES[key.namedCurve] };
    if (key?.type === 'RSA-PSS' || (key?.type === 'RSA' && this.#options.rsaPadding === 'pss')) {
      return { name: 'RSA-PSS', hash, saltLength: defaultSaltLength(hash) };
    }
    if (key?.type === 'RSA') return { name: 'RSASSA-PKCS1-v1_5', hash };
    throw new CscApiError('credentials/info', 200, 'unsupported_key', 'The key is not RSA or EC.');
  }

  #clientData(): Record<string, string> {
    return this.#options.clientData ? { clientData: this.#options.clientData } : {};
  }

  async #request(
    path: string,
    body: Record<string, unknown>,
    options: SignOptions,
  ): Promise<CscResponse> {
    options.signal?.throwIfAborted();
    const token = await this.#options.accessToken(options);
    const base = String(this.#options.baseUrl).replace(/\/+$/, '');
    const fetcher = this.#options.fetch ?? fetch;
    const response = await fetcher(`${base}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      const parsed: unknown = text ? JSON.parse(text) : {};
      if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
    } catch {
      // A body that is not JSON counts as none; the status tells what happened.
    }
    if (!response.ok) {
      const error = typeof json.error === 'string' ? json.error : `http_${response.status}`;
      const description =
        typeof json.error_description === 'string' ? json.error_description : undefined;
      throw new CscApiError(path, response.status, error, description);
    }
    return { status: response.status, body: json };
  }
}

/**
 * The default poll of {@link CscApproval}: posts `{ responseID }` to `signatures/signPolling`.
 * `signatures` in the answer means approved; HTTP 202 or an answer without them means still
 * waiting; the CSC error `access_denied` means the person declined.
 */
export async function pollSignaturesEndpoint(
  responseId: string,
  request: CscRequest,
  options: SignOptions,
): Promise<CscPollOutcome> {
  let answer: CscResponse;
  try {
    answer = await request('signatures/signPolling', { responseID: responseId }, options);
  } catch (error) {
    if (error instanceof CscApiError && error.error === 'access_denied')
      return { status: 'rejected' };
    throw error;
  }
  const signatures = stringArray(answer.body.signatures);
  if (answer.status !== 202 && signatures) return { status: 'signed', signatures };
  return { status: 'pending' };
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? value
    : undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const done = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}
