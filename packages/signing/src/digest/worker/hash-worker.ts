/**
 * The code that runs inside digest()'s hash worker. It is not part of the package's modules:
 * scripts/build-hash-worker.mjs bundles it with hash-wasm into one classic script, kept as a
 * string in `../hash-worker.source.ts`, which the page starts from a `blob:` URL. So the worker
 * needs no file of its own beside the bundle: a page without a build step, a bundler and the
 * CDN layout all get it from the JavaScript they already load.
 *
 * The protocol (its types are in ../hash-worker.lazy.ts), one worker per digest:
 *   page → worker  `{ algorithm }`                  worker → page  `{ ready: true }` or `{ error }`
 *   page → worker  ArrayBuffer (transferred)        worker → page  `{ hashed: byteLength }`
 *   page → worker  `{ end: true }`                  worker → page  `{ digest: Uint8Array }`
 * The acknowledgements let the page keep a bounded number of bytes in flight, so that memory
 * stays flat when reading outruns hashing.
 */
import { createSHA256, createSHA384, createSHA512, type IHasher } from 'hash-wasm';
import type { FromHashWorker, ToHashWorker } from '../hash-worker.lazy.js';

const CREATE = { 'SHA-256': createSHA256, 'SHA-384': createSHA384, 'SHA-512': createSHA512 };

// The worker's global scope, typed with only what is used here (the package's `lib` is the
// DOM's, whose `postMessage` is a window's).
const scope = globalThis as unknown as {
  onmessage: ((event: { data: ToHashWorker }) => void) | null;
  postMessage(message: FromHashWorker, transfer?: Transferable[]): void;
};

let hasher: IHasher | undefined;

scope.onmessage = ({ data }) => {
  if (data instanceof ArrayBuffer) {
    // Chunks come only after `ready`, so the hasher is there.
    hasher?.update(new Uint8Array(data));
    scope.postMessage({ hashed: data.byteLength });
  } else if ('algorithm' in data) {
    const create = CREATE[data.algorithm];
    // WebAssembly may be forbidden here (a blob: worker inherits the page's CSP): the page then
    // hashes in its own thread, with its own fallback.
    create().then(
      (created) => {
        hasher = created.init();
        scope.postMessage({ ready: true });
      },
      (error: unknown) => scope.postMessage({ error: String(error) }),
    );
  } else if (hasher) {
    const digest = hasher.digest('binary');
    scope.postMessage({ digest }, [digest.buffer]);
  }
};
