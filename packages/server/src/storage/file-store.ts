/**
 * Where attachment bytes live, addressed by their SHA-256: the same file uploaded twice is
 * stored once, and a stored file cannot change under its name.
 *
 * An upload is received in two steps so that nothing holds a database transaction while bytes
 * arrive: `receive()` streams the body into a temporary place (counting, hashing, and stopping
 * at the limit as the bytes come, never buffering the whole file), then, once the request has
 * been checked, `keep()` makes it readable under its hash, or `discard()` drops it.
 */
export interface FileStore {
  /** `disk`, `s3` or `memory`, for logs and the readiness check. */
  readonly kind: string;
  /**
   * Streams `source` to a temporary place under a name no other upload can take, hashing it on
   * the way. Rejects with {@link FileTooLargeError} as soon as more than `maxBytes` arrived.
   */
  receive(source: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<ReceivedFile>;
  /** A stored file, read as a stream; `undefined` when there is none. */
  open(sha256: string): Promise<StoredFile | undefined>;
  /** Removes a stored file; no error when it is already gone. */
  remove(sha256: string): Promise<void>;
  /** Throws when the storage cannot be written (readiness check). */
  check(): Promise<void>;
  /**
   * Removes temporary files older than `olderThanMs` — left behind by a process killed while
   * receiving — and answers how many went. Stores without temporary files need not have it.
   */
  sweep?(olderThanMs: number): Promise<number>;
}

/** A file received into temporary storage, not yet kept. */
export interface ReceivedFile {
  readonly sha256: string;
  readonly size: number;
  /** The first bytes (up to {@link HEAD_BYTES}), to tell the type by content. */
  readonly head: Uint8Array;
  /** Makes the file readable under its SHA-256; a no-op when that content is stored already. */
  keep(): Promise<void>;
  /** Drops the temporary copy; safe to call after `keep()` and more than once. */
  discard(): Promise<void>;
}

/** A stored file. */
export interface StoredFile {
  readonly size: number;
  /** The bytes, streamed; one call, one stream. */
  stream(): ReadableStream<Uint8Array>;
}

/** How many first bytes a received file keeps in memory for type detection. */
export const HEAD_BYTES = 4096;

/** A SHA-256 in lower-case hex: anything else never reaches a path or an object key. */
export function isSha256(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

/** Reads a whole stored file: for small files and tests, never for uploads. */
export async function readAll(file: StoredFile): Promise<Uint8Array> {
  return new Uint8Array(await new Response(file.stream()).arrayBuffer());
}
