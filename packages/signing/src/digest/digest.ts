import { toArrayBuffer } from '../internal/bytes.js';
import { type DigestAlgorithm, isDigestAlgorithm } from './algorithms.js';
import type { IncrementalHash } from './incremental.lazy.js';

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

/**
 * In Node a large Blob is read in slices of this size, the next one while the current one is
 * hashed: at most two slices (8 MiB) are in memory. (Node's `Blob.stream()` yields a Blob built
 * in memory as one chunk.)
 */
const SLICE_BYTES = 4 * 1024 * 1024;

const NODE_NAMES = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

/**
 * The digest (hash) of a document, for signing or for checking a signature.
 *
 * Bytes go to WebCrypto's `crypto.subtle.digest`, which is native but cannot stream. A stream,
 * or a Blob larger than `maxInMemoryBytes`, is read chunk by chunk into an incremental SHA-2:
 * the document is read once and never held whole in memory. That hash is Node's native one
 * (`node:crypto`, reached through `process.getBuiltinModule`, so no bundler sees an import of
 * it) where the runtime has it. In browsers a large Blob is hashed by hash-wasm's WebAssembly
 * SHA-2 in a worker while the page reads it, and in the page's own thread where no worker can
 * start (no `Worker`, or a script policy without `blob:` workers); a stream is hashed in the
 * page's thread. There, hash-wasm again, or @noble/hashes where WebAssembly is forbidden. Each
 * loads on first use only.
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
    return digestBlob(input, algorithm, options.signal);
  }
  if (isReadableStream(input)) return digestStream(input, algorithm, options.signal);
  throw new TypeError('digest() reads a Uint8Array, an ArrayBuffer, a Blob or a ReadableStream.');
}

async function subtleDigest(algorithm: DigestAlgorithm, bytes: ArrayBuffer): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(algorithm, bytes));
}

async function digestBlob(
  blob: Blob,
  algorithm: DigestAlgorithm,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const native = nativeHash(algorithm);
  if (native) return digestSlices(blob, native, signal);
  const { hashBlobInWorker } = await import('./hash-worker.lazy.js');
  signal?.throwIfAborted();
  const digested = await hashBlobInWorker(blob, algorithm, signal);
  // Blob.stream(): Chromium fills its chunks (up to 2 MiB) while the page hashes the last one,
  // where slices read one by one wait on a round trip to the blob store each (50 MB in one
  // thread: 312 ms streamed against 455 ms in 4 MiB slices, Chromium 156).
  return digested ?? digestStream(blob.stream(), algorithm, signal);
}

async function digestSlices(
  blob: Blob,
  hash: IncrementalHash,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const read = (offset: number) =>
    blob.slice(offset, Math.min(offset + SLICE_BYTES, blob.size)).arrayBuffer();
  let next = read(0);
  // A rejected read of a slice that is never awaited (after an abort) must not be reported as
  // unhandled.
  next.catch(() => {});
  for (let offset = 0; ; offset += SLICE_BYTES) {
    const slice = await next;
    signal?.throwIfAborted();
    if (offset + SLICE_BYTES < blob.size) {
      next = read(offset + SLICE_BYTES);
      next.catch(() => {});
    }
    hash.update(new Uint8Array(slice));
    if (offset + SLICE_BYTES >= blob.size) return hash.digest();
  }
}

async function digestStream(
  stream: ReadableStream<Uint8Array>,
  algorithm: DigestAlgorithm,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const hash = nativeHash(algorithm) ?? (await lazyHash(algorithm));
  signal?.throwIfAborted();
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

interface NodeCrypto {
  createHash(name: string): { update(chunk: Uint8Array): unknown; digest(): Uint8Array };
}

/** Node's (and Deno's, Bun's) native incremental SHA-2, if this runtime has one. */
function nativeHash(algorithm: DigestAlgorithm): IncrementalHash | undefined {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  if (typeof runtime?.getBuiltinModule !== 'function') return undefined;
  const nodeCrypto = runtime.getBuiltinModule('node:crypto') as NodeCrypto | undefined;
  if (typeof nodeCrypto?.createHash !== 'function') return undefined;
  const hash = nodeCrypto.createHash(NODE_NAMES[algorithm]);
  return {
    update(chunk) {
      hash.update(chunk);
    },
    // A Node Buffer may be a view of a shared pool: copy into a plain Uint8Array of its own.
    digest: () => new Uint8Array(hash.digest()),
  };
}

async function lazyHash(algorithm: DigestAlgorithm): Promise<IncrementalHash> {
  const { createIncrementalHash } = await import('./incremental.lazy.js');
  return createIncrementalHash(algorithm);
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
