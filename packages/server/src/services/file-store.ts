import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where attachment bytes live, addressed by their SHA-256: the same file uploaded twice is
 * stored once, and a stored file cannot change under its name. The local disk by default; an
 * S3-compatible store implements the same three methods for several instances.
 */
export interface FileStore {
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Uint8Array | undefined>;
}

/** Files on the local disk, under `dir/ab/abcdef…`. */
export class DiskFileStore implements FileStore {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.#path(sha256);
    if (await exists(path)) return sha256;
    await mkdir(join(this.#dir, sha256.slice(0, 2)), { recursive: true });
    // Write then rename: a crash never leaves a half file under a valid name.
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
    return sha256;
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
    try {
      return await readFile(this.#path(sha256));
    } catch {
      return undefined;
    }
  }

  #path(sha256: string): string {
    return join(this.#dir, sha256.slice(0, 2), sha256);
  }
}

/** Files in memory, for tests and throwaway demos. */
export class MemoryFileStore implements FileStore {
  readonly #files = new Map<string, Uint8Array>();

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.#files.set(sha256, bytes);
    return sha256;
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    return this.#files.get(sha256);
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
