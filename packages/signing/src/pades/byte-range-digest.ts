import type { DigestAlgorithm } from '../digest/algorithms.js';
import { digest } from '../digest/digest.js';
import { concatBytes } from '../internal/bytes.js';

/** Up to this size the signed bytes are joined and hashed at once by WebCrypto (fastest). */
const ONE_SHOT_LIMIT = 32 * 1024 * 1024;
const CHUNK = 4 * 1024 * 1024;

/**
 * The digest of the two parts a `/ByteRange` covers. A large file is not copied to join them:
 * they are streamed, in 4 MiB views, through `digest`'s incremental hash (native in Node,
 * WebAssembly in browsers), which keeps 50 MB of memory for a 50 MB PDF.
 */
export function digestParts(
  parts: readonly [Uint8Array, Uint8Array],
  algorithm: DigestAlgorithm,
): Promise<Uint8Array> {
  if (parts[0].length + parts[1].length <= ONE_SHOT_LIMIT) {
    return digest(concatBytes(...parts), algorithm);
  }
  let part = 0;
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      while (part < parts.length && offset >= (parts[part] as Uint8Array).length) {
        part += 1;
        offset = 0;
      }
      const current = parts[part];
      if (!current) {
        controller.close();
        return;
      }
      controller.enqueue(current.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
  return digest(stream, algorithm);
}
