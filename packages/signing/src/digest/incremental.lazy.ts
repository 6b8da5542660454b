/**
 * The incremental SHA-2 for runtimes without a native one (browsers, workers), in the calling
 * thread. This file exists only to be a lazy chunk: `digest()` imports it the first time a
 * stream is read, or a Blob above the in-memory limit where no worker can hash it, so a page
 * that digests small files never downloads it.
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
  // hash-wasm copies each update into WebAssembly memory 16 KiB at a time, so the size of an
  // update does not matter (50 MB in 16 KiB, 64 KiB or 2 MiB updates: 145–148 ms, Chromium 156).
  return {
    update(chunk) {
      hasher.update(chunk);
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
