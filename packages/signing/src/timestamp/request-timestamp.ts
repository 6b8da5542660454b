import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, MessageImprint, PKIStatus, TimeStampReq, TimeStampResp } from 'pkijs';
import { DIGEST_LENGTHS, DIGEST_OIDS, type DigestAlgorithm } from '../digest/algorithms.js';
import { type DigestInput, digest } from '../digest/digest.js';
import { TimestampError } from '../errors/timestamp-error.js';
import { concatBytes, equalBytes, toArrayBuffer, toHex } from '../internal/bytes.js';
import { readChildren, readElement } from '../internal/der.js';
import { digestAlgorithmIdentifier } from '../internal/signature-algorithm.js';
import { embeddedCertificates, findSignerCertificate, parseTimestampToken } from './token.js';
import { type VerifyTimestampOptions, verifyTimestampToken } from './verify-timestamp-token.js';

/** Where and how to ask a time-stamping authority (TSA) for an RFC 3161 time-stamp. */
export interface TimestampRequestOptions {
  /** The TSA's URL (HTTP POST, `application/timestamp-query`, RFC 3161 §3.4). */
  readonly url: string | URL;
  /** The `fetch` to send it with (a proxy, a test double, a service worker's). Default: the global one. */
  readonly fetch?: typeof fetch;
  /**
   * Extra request headers, e.g. `Authorization: Basic …` for a TSA that wants an account (the
   * licensed Vietnamese TSAs do). Sent only to `url`.
   */
  readonly headers?: HeadersInit;
  /** The digest algorithm of the message imprint. Default `SHA-256`. */
  readonly hashAlgorithm?: DigestAlgorithm;
  /**
   * Sends a random nonce and requires the token to echo it (default `true`): a reply recorded
   * earlier or made for another request is then refused.
   */
  readonly nonce?: boolean;
  /** Asks the TSA to include its certificate in the token (default `true`, needed to verify it offline). */
  readonly certReq?: boolean;
  /** The TSA policy to ask for (an OID); the token must then be issued under it. */
  readonly policy?: string;
  /**
   * The roots you trust for time-stamping authorities: when given, the token must also validate
   * ({@link verifyTimestampToken}: the TSA's signature, its certificate and chain) before it is
   * returned or embedded, or the call fails with reason `invalid-token`. Worth it: most TSAs
   * answer over plain HTTP, so anyone on the way could answer instead.
   */
  readonly trustedRoots?: VerifyTimestampOptions['trustedRoots'];
  /** CA certificates of the TSA that its tokens do not carry (with `trustedRoots`). */
  readonly intermediates?: VerifyTimestampOptions['intermediates'];
  /** Gives up after this many milliseconds (default 30 000). */
  readonly timeoutMs?: number;
  /** Cancels the request; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** A time-stamp the TSA granted, checked against the request. */
export interface TimestampResponse {
  /** The TimeStampToken (a DER ContentInfo holding a SignedData), as the TSA sent it. */
  readonly token: Uint8Array;
  /** The time the TSA certifies (TSTInfo genTime). */
  readonly genTime: Date;
  /** The policy the TSA issued it under. */
  readonly policy: string;
  /** The token's serial number, lower-case hexadecimal. */
  readonly serialNumber: string;
  readonly hashAlgorithm: DigestAlgorithm;
}

/** What is time-stamped: data (digested here) or a digest made with `hashAlgorithm`. */
export type TimestampInput = DigestInput | { readonly digest: Uint8Array };

/**
 * Bytes to reserve in a PDF's `/Contents` for a signature time-stamp token: a token is
 * typically 3–6 KB with the TSA's certificate chain, twice that is room for a longer chain.
 */
export const TIMESTAMP_RESERVE = 12 * 1024;

const DEFAULT_TIMEOUT_MS = 30_000;
/** Far above any real reply (a token with a long chain is under 20 KB), far below harm. */
const MAX_REPLY_BYTES = 1024 * 1024;

/**
 * Asks a time-stamping authority for an RFC 3161 time-stamp over `input` and checks the reply:
 * the TSA granted it, the token is a SignedData holding a TSTInfo over the same message
 * imprint, with the nonce sent and (when asked) the policy and the TSA's certificate.
 *
 * With `trustedRoots` it also validates the token (the TSA's signature, certificate and chain);
 * without, use {@link verifyTimestampToken} before relying on it.
 *
 * @throws {TimestampError} when the TSA cannot be reached, refuses, or answers something else.
 *
 * @example
 * const { token, genTime } = await requestTimestamp(bytes, {
 *   url: 'https://tsa.example.vn/tsa',
 *   headers: { Authorization: `Basic ${btoa('user:password')}` },
 * });
 */
export async function requestTimestamp(
  input: TimestampInput,
  options: TimestampRequestOptions,
): Promise<TimestampResponse> {
  const hashAlgorithm = options.hashAlgorithm ?? 'SHA-256';
  const imprint = await imprintOf(input, hashAlgorithm, options.signal);
  const nonce = options.nonce === false ? undefined : randomNonce();
  const certReq = options.certReq ?? true;
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: AlgorithmIdentifier.fromBER(
        toArrayBuffer(digestAlgorithmIdentifier(hashAlgorithm)),
      ),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(imprint) }),
    }),
    certReq,
    ...(nonce ? { nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }) } : {}),
    ...(options.policy ? { reqPolicy: options.policy } : {}),
  });
  const body = new Uint8Array(request.toSchema().toBER(false));
  const reply = await post(body, options);
  const response = checkReply(reply, {
    hashAlgorithm,
    imprint,
    nonce,
    certReq,
    policy: options.policy,
  });
  if (options.trustedRoots) {
    const verified = await verifyTimestampToken(response.token, async () => imprint, {
      trustedRoots: options.trustedRoots,
      ...(options.intermediates ? { intermediates: options.intermediates } : {}),
    });
    if (!verified.ok) {
      throw new TimestampError('invalid-token', `${verified.code}: ${verified.reason}`);
    }
  }
  return response;
}

async function imprintOf(
  input: TimestampInput,
  algorithm: DigestAlgorithm,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  if (typeof input === 'object' && input !== null && 'digest' in input) {
    if (
      !(input.digest instanceof Uint8Array) ||
      input.digest.length !== DIGEST_LENGTHS[algorithm]
    ) {
      throw new TypeError(`The digest to time-stamp is not a ${algorithm} digest.`);
    }
    return input.digest;
  }
  return digest(input, algorithm, signal ? { signal } : {});
}

/** A positive 64-bit nonce: DER INTEGER content bytes, first bit clear, first byte not zero. */
function randomNonce(): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  nonce[0] = ((nonce[0] as number) & 0x7f) | 0x40;
  return nonce;
}

async function post(body: Uint8Array, options: TimestampRequestOptions): Promise<Uint8Array> {
  const outer = options.signal;
  outer?.throwIfAborted();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const abort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', abort, { once: true });
  const headers = new Headers(options.headers);
  headers.set('Content-Type', 'application/timestamp-query');
  headers.set('Accept', 'application/timestamp-reply');
  const send = options.fetch ?? globalThis.fetch;
  try {
    const response = await send(options.url, {
      method: 'POST',
      headers,
      body: toArrayBuffer(body),
      signal: controller.signal,
      // Credentials go where the caller says, not to wherever a redirect points.
      redirect: 'error',
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new TimestampError('http-status', `HTTP ${response.status} from the TSA.`);
    }
    return await readLimited(response);
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    if (outer?.aborted) throw outer.reason;
    if (timedOut) {
      throw new TimestampError(
        'timeout',
        `No answer within ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms.`,
      );
    }
    throw new TimestampError('network', describe(error), { cause: error });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', abort);
  }
}

async function readLimited(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
  if (declared > MAX_REPLY_BYTES) {
    await response.body?.cancel().catch(() => {});
    throw new TimestampError('malformed', `The reply is ${declared} bytes long.`);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > MAX_REPLY_BYTES) {
      await reader.cancel().catch(() => {});
      throw new TimestampError('malformed', `The reply is over ${MAX_REPLY_BYTES} bytes long.`);
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}

interface Expected {
  readonly hashAlgorithm: DigestAlgorithm;
  readonly imprint: Uint8Array;
  readonly nonce: Uint8Array | undefined;
  readonly certReq: boolean;
  readonly policy: string | undefined;
}

const STATUS_NAMES: Readonly<Record<number, string>> = {
  [PKIStatus.rejection]: 'rejection',
  [PKIStatus.waiting]: 'waiting',
  [PKIStatus.revocationWarning]: 'revocationWarning',
  [PKIStatus.revocationNotification]: 'revocationNotification',
};

// PKIFailureInfo bit names (RFC 3161 §2.4.2).
const FAILURES: Readonly<Record<number, string>> = {
  0: 'badAlg',
  2: 'badRequest',
  5: 'badDataFormat',
  14: 'timeNotAvailable',
  15: 'unacceptedPolicy',
  16: 'unacceptedExtension',
  17: 'addInfoNotAvailable',
  25: 'systemFailure',
};

/** Checks a TimeStampResp against the request it answers. */
function checkReply(reply: Uint8Array, expected: Expected): TimestampResponse {
  let response: TimeStampResp;
  try {
    response = TimeStampResp.fromBER(toArrayBuffer(reply));
  } catch (error) {
    throw new TimestampError('malformed', `Not a TimeStampResp: ${describe(error)}`);
  }
  const status = response.status.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const text = (response.status.statusStrings ?? []).map((item) => item.valueBlock.value);
    const bits = response.status.failInfo?.valueBlock.valueHexView;
    const failures = Object.entries(FAILURES)
      .filter(([bit]) => bits && ((bits[Number(bit) >> 3] ?? 0) >> (7 - (Number(bit) & 7))) & 1)
      .map(([, name]) => name);
    throw new TimestampError(
      'rejected',
      [`status ${STATUS_NAMES[status] ?? status}`, ...failures, ...text].join('; '),
    );
  }
  if (!response.timeStampToken) {
    throw new TimestampError('malformed', 'The TSA granted the request but sent no token.');
  }
  const token = rawToken(reply) ?? new Uint8Array(response.timeStampToken.toSchema().toBER(false));
  let parsed: ReturnType<typeof parseTimestampToken>;
  try {
    parsed = parseTimestampToken(token);
  } catch (error) {
    throw new TimestampError('malformed', describe(error));
  }
  const { tstInfo, signedData } = parsed;
  const imprint = tstInfo.messageImprint;
  if (
    imprint.hashAlgorithm.algorithmId !== DIGEST_OIDS[expected.hashAlgorithm] ||
    !equalBytes(new Uint8Array(imprint.hashedMessage.valueBlock.valueHexView), expected.imprint)
  ) {
    throw new TimestampError(
      'imprint-mismatch',
      `The token's message imprint (${imprint.hashAlgorithm.algorithmId}) is not the one sent.`,
    );
  }
  if (expected.nonce) {
    const sent = new asn1js.Integer({ valueHex: toArrayBuffer(expected.nonce) }).toBigInt();
    const echoed = tstInfo.nonce?.toBigInt();
    if (echoed !== sent) {
      throw new TimestampError(
        'nonce-mismatch',
        echoed === undefined ? 'The token has no nonce.' : 'The token carries another nonce.',
      );
    }
  }
  if (expected.policy && tstInfo.policy !== expected.policy) {
    throw new TimestampError(
      'policy-mismatch',
      `Asked for policy ${expected.policy}, got ${tstInfo.policy}.`,
    );
  }
  if (expected.certReq) {
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo || !findSignerCertificate(signerInfo.sid, embeddedCertificates(signedData))) {
      throw new TimestampError('no-certificate', "The token does not carry the TSA's certificate.");
    }
  }
  return {
    token,
    genTime: tstInfo.genTime,
    policy: tstInfo.policy,
    serialNumber: toHex(new Uint8Array(tstInfo.serialNumber.valueBlock.valueHexView)),
    hashAlgorithm: expected.hashAlgorithm,
  };
}

/**
 * The token's bytes exactly as the TSA encoded them (the second element of the TimeStampResp
 * SEQUENCE), so that nothing is re-encoded between the TSA's signature and the file.
 */
function rawToken(reply: Uint8Array): Uint8Array | undefined {
  const outer = readElement(reply);
  const children = outer && outer.end === reply.length ? readChildren(outer.value) : undefined;
  const token = children?.[1];
  return outer && token ? outer.value.slice(token.start, token.end) : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
