import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, constants, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type FileStore, isSha256, type ReceivedFile, type StoredFile } from './file-store.js';
import { spool, sweepSpool } from './spool.js';

/**
 * Files on the local disk, under `dir/ab/abcdef…`; uploads arrive in `dir/tmp/` under random
 * names and are renamed into place, which is atomic on one file system: a reader never sees half
 * a file, and two uploads of the same bytes at once both end well (the second rename replaces
 * the first with identical bytes). The default store, for one instance or a shared volume.
 */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk';
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async receive(
    source: AsyncIterable<Uint8Array>,
    options: { maxBytes: number },
  ): Promise<ReceivedFile> {
    const temporaryDir = join(this.#dir, 'tmp');
    await mkdir(temporaryDir, { recursive: true });
    // A random name: the process id and the time are not unique under concurrent uploads.
    const temporary = join(temporaryDir, `${randomUUID()}.part`);
    const spooled = await spool(source, temporary, options.maxBytes);
    const path = this.#path(spooled.sha256);
    return {
      ...spooled,
      keep: async () => {
        if (await exists(path)) return;
        await mkdir(join(this.#dir, spooled.sha256.slice(0, 2)), { recursive: true });
        await rename(temporary, path);
      },
      discard: () => rm(temporary, { force: true }),
    };
  }

  async open(sha256: string): Promise<StoredFile | undefined> {
    if (!isSha256(sha256)) return undefined;
    const path = this.#path(sha256);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      return undefined;
    }
    return {
      size,
      stream: () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
    };
  }

  async remove(sha256: string): Promise<void> {
    if (isSha256(sha256)) await rm(this.#path(sha256), { force: true });
  }

  async check(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    await access(this.#dir, constants.W_OK);
  }

  sweep(olderThanMs: number): Promise<number> {
    return sweepSpool(join(this.#dir, 'tmp'), olderThanMs);
  }

  #path(sha256: string): string {
    return join(this.#dir, sha256.slice(0, 2), sha256);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
