/**
 * The incremental SHA-2 for runtimes without a native one (browsers, workers). This file exists
 * only to be a lazy chunk: `digest()` imports it the first time a stream or a Blob above the
 * in-memory limit is read, so a page that digests small files never downloads it.
 *
 * hash-wasm's SHA-2 is WebAssembly embedded in the JavaScript (no `.wasm` to fetch), ≈3× faster
 * than a pure-JS SHA-2 in V8. A page whose Content-Security-Policy forbids WebAssembly
 * (no `'wasm-unsafe-eval'`) gets @noble/hashes instead: slower, same result.
 */
import { createSHA256, createSHA384, createSHA512 } from 'hash-wasm';
import type { DigestAlgorithm } from './algorithms.js';

/** A hash fed chunk by chunk. */
export interface IncrementalHash {
  update(chunk: Uint8Array): void;
  digest(): Uint8Array;
}

const WASM = { 'SHA-256': createSHA256, 'SHA-384': createSHA384, 'SHA-512': createSHA512 };

/**
 * hash-wasm copies each update into WebAssembly memory; measured in Chromium 156, updates of
 * 4 MiB took about twice as long as the same bytes in 64 KiB updates (cache-sized copies).
 */
const WASM_UPDATE_BYTES = 64 * 1024;

/** hash-wasm's SHA-2, or @noble/hashes where WebAssembly cannot be compiled. */
export async function createIncrementalHash(algorithm: DigestAlgorithm): Promise<IncrementalHash> {
  try {
    return await wasmHash(algorithm);
  } catch {
    return nobleHash(algorithm);
  }
}

/** hash-wasm's SHA-2 (WebAssembly). Rejects where WebAssembly is missing or forbidden. */
export async function wasmHash(algorithm: DigestAlgorithm): Promise<IncrementalHash> {
  const hasher = (await WASM[algorithm]()).init();
  return {
    update(chunk) {
      for (let offset = 0; offset < chunk.length; offset += WASM_UPDATE_BYTES) {
        hasher.update(chunk.subarray(offset, offset + WASM_UPDATE_BYTES));
      }
    },
    digest: () => hasher.digest('binary'),
  };
}

/** @noble/hashes' SHA-2 (pure JavaScript): the fallback, loaded only when it is needed. */
export async function nobleHash(algorithm: DigestAlgorithm): Promise<IncrementalHash> {
  const { sha256, sha384, sha512 } = await import('@noble/hashes/sha2.js');
  const hash = { 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 }[algorithm].create();
  return {
    update(chunk) {
      hash.update(chunk);
    },
    digest: () => hash.digest(),
  };
}
