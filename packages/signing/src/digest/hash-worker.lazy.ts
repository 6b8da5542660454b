/**
 * Hashing a large Blob in a dedicated worker. This file exists only to be a lazy chunk, loaded
 * the first time a browser digests a Blob above the in-memory limit; it carries the worker's
 * code (hash-wasm's SHA-2, 13 KB gzipped) as a string, started from a `blob:` URL.
 *
 * Why a worker: in one thread, reading a Blob (copying it out of the browser's blob store) and
 * hashing it take turns; with the hash in a worker they overlap, and the page's thread only
 * reads. Measured in Chromium 156 on 2 cores, 50 MB: 332 ms in one thread, 210 ms with the
 * worker, against 368 ms for one-shot WebCrypto (bench/digest.mjs).
 */
import type { DigestAlgorithm } from './algorithms.js';
import { HASH_WORKER_SOURCE } from './hash-worker.source.js';

/** What the page sends the worker (see worker/hash-worker.ts for the protocol). */
export type ToHashWorker = { readonly algorithm: DigestAlgorithm } | ArrayBuffer | { end: true };

/** What the worker answers. */
export type FromHashWorker =
  | { readonly ready: true }
  | { readonly error: string }
  | { readonly hashed: number }
  | { readonly digest: Uint8Array };

/**
 * Bytes sent to the worker and not yet hashed, at most: what memory a large file costs when
 * reading outruns hashing (Chromium's Blob.stream() yields chunks of up to 2 MiB).
 */
const MAX_IN_FLIGHT_BYTES = 8 * 1024 * 1024;

let workerUrl: string | undefined;

/**
 * The digest of `blob`, hashed in a worker; `undefined` when no worker can hash here (no
 * `Worker`, a script policy that forbids `blob:` workers or WebAssembly in them), so that the
 * caller hashes in its own thread. Rejects with the signal's reason when aborted, and with the
 * read error when the Blob cannot be read.
 */
export async function hashBlobInWorker(
  blob: Blob,
  algorithm: DigestAlgorithm,
  signal: AbortSignal | undefined,
): Promise<Uint8Array | undefined> {
  const worker = startWorker();
  if (!worker) return undefined;
  const inbox = new Inbox(worker, signal);
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    worker.postMessage({ algorithm } satisfies ToHashWorker);
    const first = await inbox.next().catch((error: unknown) => {
      // A worker that never started (blocked by the page's policy) is no error of the caller's.
      if (signal?.aborted) throw error;
      return undefined;
    });
    if (!first || !('ready' in first)) return undefined;

    reader = blob.stream().getReader();
    const cancel = () => reader?.cancel(signal?.reason).catch(() => {});
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      let inFlight = 0;
      for (;;) {
        const { done, value } = await reader.read();
        signal?.throwIfAborted();
        if (done) break;
        // Blob.stream() gives each chunk a buffer of its own; should one be a view into a larger
        // buffer, send a copy rather than detach bytes that are not ours.
        const buffer =
          value.byteOffset === 0 && value.byteLength === value.buffer.byteLength
            ? (value.buffer as ArrayBuffer)
            : value.slice().buffer;
        // Counted before sending: a transferred buffer reads as empty here afterwards.
        inFlight += buffer.byteLength;
        worker.postMessage(buffer satisfies ToHashWorker, [buffer]);
        while (inFlight > MAX_IN_FLIGHT_BYTES) inFlight -= await inbox.hashed();
      }
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
    worker.postMessage({ end: true } satisfies ToHashWorker);
    for (;;) {
      const message = await inbox.next();
      if ('digest' in message) return message.digest;
      if ('error' in message) throw new Error(message.error);
    }
  } finally {
    reader?.releaseLock();
    inbox.close();
    worker.terminate();
  }
}

function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined' || typeof URL.createObjectURL !== 'function') return undefined;
  try {
    // One URL for the page's lifetime: each worker fetches it as it starts, so revoking it
    // after `new Worker()` would race the fetch.
    workerUrl ??= URL.createObjectURL(new Blob([HASH_WORKER_SOURCE], { type: 'text/javascript' }));
    return new Worker(workerUrl, { name: 'egov-kit digest' });
  } catch {
    // A Trusted Types policy or a browser that refuses blob: workers outright.
    return undefined;
  }
}

/** The worker's messages as promises, one at a time, rejected by an error or the signal. */
class Inbox {
  readonly #queue: FromHashWorker[] = [];
  #waiting: { resolve(message: FromHashWorker): void; reject(error: unknown): void } | undefined;
  #failure: { error: unknown } | undefined;
  readonly #worker: Worker;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = () => this.#fail(this.#signal?.reason);

  constructor(worker: Worker, signal: AbortSignal | undefined) {
    this.#worker = worker;
    this.#signal = signal;
    worker.onmessage = ({ data }: MessageEvent<FromHashWorker>) => {
      if (this.#waiting) {
        this.#waiting.resolve(data);
        this.#waiting = undefined;
      } else this.#queue.push(data);
    };
    // Fired when the worker cannot start (a `blob:` worker forbidden by the page's CSP) or
    // throws; `preventDefault` keeps it off the page's console as an uncaught error.
    worker.onerror = (event) => {
      event.preventDefault();
      this.#fail(new Error(`digest worker failed: ${event.message || 'could not start'}`));
    };
    worker.onmessageerror = () => this.#fail(new Error('digest worker: unreadable message'));
    signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  next(): Promise<FromHashWorker> {
    const queued = this.#queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.#failure) return Promise.reject(this.#failure.error);
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  /** The byte count of the next acknowledgement. */
  async hashed(): Promise<number> {
    const message = await this.next();
    if ('hashed' in message) return message.hashed;
    throw new Error('error' in message ? message.error : 'digest worker: unexpected message');
  }

  close(): void {
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#worker.onmessage = null;
    this.#worker.onerror = null;
    this.#worker.onmessageerror = null;
  }

  #fail(error: unknown): void {
    this.#failure ??= { error };
    this.#waiting?.reject(this.#failure.error);
    this.#waiting = undefined;
  }
}
