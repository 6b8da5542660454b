import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIncrementalHash, nobleHash, wasmHash } from '../src/digest/incremental.lazy.js';
import { DIGEST_ALGORITHMS, type DigestAlgorithm, digest } from '../src/index.js';

// Large Blobs and streams: the in-memory limit, the 4 MiB slices a large Blob is read in, the
// SHA-2 block and padding edges, and each incremental hash (Node's, hash-wasm's, @noble's)
// against OpenSSL through node:crypto.

const NODE_NAMES = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;
const MiB = 1024 * 1024;
const SLICE = 4 * MiB;

function sample(length: number, seed = 7): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

const expected = (algorithm: DigestAlgorithm, bytes: Uint8Array) =>
  createHash(NODE_NAMES[algorithm]).update(bytes).digest('hex');
const hex = (value: Uint8Array) => Buffer.from(value).toString('hex');

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (index >= chunks.length) controller.close();
      else controller.enqueue(chunks[index++] as Uint8Array);
    },
  });
}

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) {
    parts.push(bytes.subarray(offset, offset + size));
  }
  return parts;
}

// Lengths around the SHA-256 (64-byte) and SHA-384/512 (128-byte) blocks and padding.
const EDGE_LENGTHS = [0, 1, 55, 56, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 1000];

describe('digest of large inputs', () => {
  it('takes the in-memory path up to the limit and the incremental one beyond, alike', async () => {
    const bytes = sample(70_001);
    for (const algorithm of DIGEST_ALGORITHMS) {
      for (const limit of [70_000, 70_001, 70_002, 0]) {
        const blob = new Blob([bytes]);
        expect(hex(await digest(blob, algorithm, { maxInMemoryBytes: limit })), `${limit}`).toBe(
          expected(algorithm, bytes),
        );
      }
    }
  });

  it('reads a Blob in 4 MiB slices: every slice edge gives the same digest', async () => {
    const bytes = sample(2 * SLICE + 1);
    for (const length of [SLICE - 1, SLICE, SLICE + 1, 2 * SLICE, 2 * SLICE + 1]) {
      const part = bytes.subarray(0, length);
      const result = await digest(new Blob([part]), 'SHA-256', { maxInMemoryBytes: 0 });
      expect(hex(result), `${length} bytes`).toBe(expected('SHA-256', part));
    }
  });

  it('streams a Blob just above the default 32 MiB limit', async () => {
    const bytes = sample(32 * MiB + 1, 11);
    const blob = new Blob([bytes]);
    expect(hex(await digest(blob, 'SHA-384'))).toBe(expected('SHA-384', bytes));
    expect(hex(await digest(new Blob([bytes.subarray(0, 32 * MiB)]), 'SHA-384'))).toBe(
      expected('SHA-384', bytes.subarray(0, 32 * MiB)),
    );
  });

  it.each(DIGEST_ALGORITHMS)('%s: an empty Blob and an empty stream', async (algorithm) => {
    const empty = new Uint8Array(0);
    expect(hex(await digest(new Blob([]), algorithm, { maxInMemoryBytes: -1 }))).toBe(
      expected(algorithm, empty),
    );
    expect(hex(await digest(streamOf([]), algorithm))).toBe(expected(algorithm, empty));
    expect(hex(await digest(streamOf([empty, empty]), algorithm))).toBe(expected(algorithm, empty));
  });

  it.each(DIGEST_ALGORITHMS)('%s: block and padding edges, in odd chunks', async (algorithm) => {
    for (const length of EDGE_LENGTHS) {
      const bytes = sample(length, length);
      const want = expected(algorithm, bytes);
      for (const chunk of [1, 3, 64, 127, 4096]) {
        const chunks = split(bytes, chunk);
        // A zero-length chunk in the middle changes nothing.
        chunks.splice(1, 0, new Uint8Array(0));
        expect(hex(await digest(streamOf(chunks), algorithm)), `${length}/${chunk}`).toBe(want);
      }
    }
  });

  it('refuses a stream that yields something other than bytes', async () => {
    const stream = streamOf(['text' as unknown as Uint8Array]);
    await expect(digest(stream, 'SHA-256')).rejects.toThrow(/Uint8Array/);
  });

  it('passes on the error of a failing stream', async () => {
    let pulls = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 3) controller.error(new Error('disk gone'));
        else controller.enqueue(new Uint8Array(100));
      },
    });
    await expect(digest(failing, 'SHA-256')).rejects.toThrow('disk gone');
  });

  it('stops reading a large Blob when aborted', async () => {
    const controller = new AbortController();
    const blob = new Blob([sample(3 * SLICE)]);
    const pending = digest(blob, 'SHA-256', { signal: controller.signal, maxInMemoryBytes: 0 });
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
    const aborted = AbortSignal.abort(new Error('before'));
    await expect(digest(blob, 'SHA-256', { signal: aborted, maxInMemoryBytes: 0 })).rejects.toThrow(
      'before',
    );
  });
});

describe('the incremental hashes of the lazy chunk (browsers, workers)', () => {
  const bytes = sample(300_007, 3);

  for (const [name, create] of [
    ['hash-wasm', wasmHash],
    ['@noble/hashes', nobleHash],
    ['the default', createIncrementalHash],
  ] as const) {
    it.each(DIGEST_ALGORITHMS)(`${name}, %s: equals OpenSSL’s at every edge`, async (algorithm) => {
      for (const length of EDGE_LENGTHS) {
        const part = bytes.subarray(0, length);
        const hash = await create(algorithm);
        for (const chunk of split(part, 50)) hash.update(chunk);
        expect(hex(hash.digest()), `${length}`).toBe(expected(algorithm, part));
      }
      // One update far larger than hash-wasm's 64 KiB feed, and then a few small ones.
      const hash = await create(algorithm);
      hash.update(bytes.subarray(0, 200_003));
      for (const chunk of split(bytes.subarray(200_003), 9_999)) hash.update(chunk);
      expect(hex(hash.digest())).toBe(expected(algorithm, bytes));
    });
  }

  it('gives each digest its own hash state', async () => {
    const [a, b] = await Promise.all([wasmHash('SHA-256'), wasmHash('SHA-256')]);
    a.update(bytes.subarray(0, 10));
    b.update(bytes.subarray(0, 20));
    expect(hex(a.digest())).toBe(expected('SHA-256', bytes.subarray(0, 10)));
    expect(hex(b.digest())).toBe(expected('SHA-256', bytes.subarray(0, 20)));
  });
});
