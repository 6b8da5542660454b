import { createHash } from 'node:crypto';
import { open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HEAD_BYTES } from './file-store.js';
import { FileTooLargeError } from './file-too-large-error.js';

/** What {@link spool} learnt about the bytes it wrote. */
export interface Spooled {
  readonly sha256: string;
  readonly size: number;
  readonly head: Uint8Array;
}

/**
 * Writes `source` to a new file at `path` (which must not exist: `wx`), hashing and counting on
 * the way, one chunk in memory at a time; waits for each write, so a slow disk slows the reader
 * instead of filling memory. Over `maxBytes` it stops, removes the file and throws
 * {@link FileTooLargeError}; the partial file is removed on any failure.
 */
export async function spool(
  source: AsyncIterable<Uint8Array>,
  path: string,
  maxBytes: number,
): Promise<Spooled> {
  const hash = createHash('sha256');
  const head = new Uint8Array(HEAD_BYTES);
  let headLength = 0;
  let size = 0;
  const file = await open(path, 'wx', 0o600);
  try {
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new FileTooLargeError(maxBytes);
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headLength);
        head.set(part, headLength);
        headLength += part.byteLength;
      }
      let written = 0;
      while (written < chunk.byteLength) {
        written += (await file.write(chunk, written, chunk.byteLength - written)).bytesWritten;
      }
    }
    await file.close();
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
  return { sha256: hash.digest('hex'), size, head: head.slice(0, headLength) };
}

/** Removes `*.part` files in `dir` last changed more than `olderThanMs` ago; answers how many. */
export async function sweepSpool(dir: string, olderThanMs: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const path = join(dir, name);
    try {
      if (Date.now() - (await stat(path)).mtimeMs < olderThanMs) continue;
      await rm(path, { force: true });
      removed++;
    } catch {
      // Kept or discarded by its upload meanwhile.
    }
  }
  return removed;
}
