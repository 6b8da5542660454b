import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { toArrayBuffer } from '../internal/bytes.js';
import { type DigestAlgorithm, isDigestAlgorithm } from './algorithms.js';

/**
 * What {@link digest} reads: bytes already in memory, a `Blob` or `File` (a file the person
 * picked), or a `ReadableStream` of bytes (an upload, a `fetch` body, a Node file stream through
 * `Readable.toWeb`).
 */
export type DigestInput = Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>;

/** Options of {@link digest}. */
export interface DigestOptions {
  /** Stops reading a Blob or stream; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * A Blob up to this size is read into memory once and digested by WebCrypto (native, fastest);
   * a larger one is streamed through an incremental hash, so that memory stays flat.
   * Default 32 MiB.
   */
  readonly maxInMemoryBytes?: number;
}

const DEFAULT_MAX_IN_MEMORY = 32 * 1024 * 1024;

const INCREMENTAL = { 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const;

/**
 * The digest (hash) of a document, for signing or for checking a signature.
 *
 * Bytes go to WebCrypto's `crypto.subtle.digest`, which is native but cannot stream. A stream,
 * or a Blob larger than `maxInMemoryBytes`, is read chunk by chunk into an incremental SHA-2
 * (`@noble/hashes`, audited, no dependencies): the document is read once and never held whole
 * in memory.
 */
export async function digest(
  input: DigestInput,
  algorithm: DigestAlgorithm,
  options: DigestOptions = {},
): Promise<Uint8Array> {
  if (!isDigestAlgorithm(algorithm)) {
    throw new TypeError(`Unsupported digest algorithm: ${String(algorithm)}`);
  }
  options.signal?.throwIfAborted();
  if (input instanceof Uint8Array) return subtleDigest(algorithm, toArrayBuffer(input));
  if (input instanceof ArrayBuffer) return subtleDigest(algorithm, input);
  if (isBlob(input)) {
    if (input.size <= (options.maxInMemoryBytes ?? DEFAULT_MAX_IN_MEMORY)) {
      const bytes = await input.arrayBuffer();
      options.signal?.throwIfAborted();
      return subtleDigest(algorithm, bytes);
    }
    return digestStream(input.stream() as ReadableStream<Uint8Array>, algorithm, options.signal);
  }
  if (isReadableStream(input)) return digestStream(input, algorithm, options.signal);
  throw new TypeError('digest() reads a Uint8Array, an ArrayBuffer, a Blob or a ReadableStream.');
}

async function subtleDigest(algorithm: DigestAlgorithm, bytes: ArrayBuffer): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(algorithm, bytes));
}

async function digestStream(
  stream: ReadableStream<Uint8Array>,
  algorithm: DigestAlgorithm,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const hash = INCREMENTAL[algorithm].create();
  const reader = stream.getReader();
  const abort = () => {
    reader.cancel(signal?.reason).catch(() => {});
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      if (!(value instanceof Uint8Array)) {
        throw new TypeError('digest(): a stream must yield Uint8Array chunks.');
      }
      hash.update(value);
    }
    return hash.digest();
  } finally {
    signal?.removeEventListener('abort', abort);
    reader.releaseLock();
  }
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getReader?: unknown }).getReader === 'function'
  );
}
