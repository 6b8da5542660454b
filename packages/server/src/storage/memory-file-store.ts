import { createHash } from 'node:crypto';
import { type FileStore, HEAD_BYTES, type ReceivedFile, type StoredFile } from './file-store.js';
import { FileTooLargeError } from './file-too-large-error.js';

/** Files in memory, for tests and throwaway demos; the size limit holds while receiving. */
export class MemoryFileStore implements FileStore {
  readonly kind = 'memory';
  readonly #files = new Map<string, Uint8Array>();

  async receive(
    source: AsyncIterable<Uint8Array>,
    options: { maxBytes: number },
  ): Promise<ReceivedFile> {
    const hash = createHash('sha256');
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > options.maxBytes) throw new FileTooLargeError(options.maxBytes);
      hash.update(chunk);
      chunks.push(chunk.slice());
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const sha256 = hash.digest('hex');
    return {
      sha256,
      size,
      head: bytes.slice(0, HEAD_BYTES),
      keep: async () => {
        this.#files.set(sha256, bytes);
      },
      discard: async () => undefined,
    };
  }

  async open(sha256: string): Promise<StoredFile | undefined> {
    const bytes = this.#files.get(sha256);
    if (!bytes) return undefined;
    return {
      size: bytes.byteLength,
      stream: () => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream(),
    };
  }

  async remove(sha256: string): Promise<void> {
    this.#files.delete(sha256);
  }

  async check(): Promise<void> {}

  /** The stored hashes, for tests. */
  get stored(): readonly string[] {
    return [...this.#files.keys()];
  }
}
