import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIGEST_ALGORITHMS, digest } from '../src/index.js';

const NODE_NAMES = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

function sample(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = (i * 31 + 7) & 0xff;
  return bytes;
}

function streamOf(bytes: Uint8Array, chunk: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.slice(offset, offset + chunk));
        offset += chunk;
      }
    },
  });
}

describe('digest', () => {
  const bytes = sample(300_001);

  it.each(DIGEST_ALGORITHMS)(
    '%s of bytes, ArrayBuffer, Blob and stream all equal OpenSSL’s (via node:crypto)',
    async (algorithm) => {
      const expected = createHash(NODE_NAMES[algorithm]).update(bytes).digest('hex');
      const hex = (value: Uint8Array) => Buffer.from(value).toString('hex');
      expect(hex(await digest(bytes, algorithm))).toBe(expected);
      expect(hex(await digest(bytes.slice().buffer, algorithm))).toBe(expected);
      expect(hex(await digest(new Blob([bytes]), algorithm))).toBe(expected);
      // A Blob above the in-memory limit goes through the incremental hash.
      expect(hex(await digest(new Blob([bytes]), algorithm, { maxInMemoryBytes: 0 }))).toBe(
        expected,
      );
      expect(hex(await digest(streamOf(bytes, 65_537), algorithm))).toBe(expected);
    },
  );

  it('digests the view, not the whole buffer behind it', async () => {
    const view = bytes.subarray(10, 20);
    const expected = createHash('sha256').update(view).digest('hex');
    expect(Buffer.from(await digest(view, 'SHA-256')).toString('hex')).toBe(expected);
    expect(Buffer.from(await digest(Buffer.from(view), 'SHA-256')).toString('hex')).toBe(expected);
  });

  it('stops reading a stream when aborted', async () => {
    const controller = new AbortController();
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(stream) {
        pulls += 1;
        if (pulls === 3) controller.abort(new Error('stop'));
        stream.enqueue(new Uint8Array(1024));
      },
    });
    await expect(digest(endless, 'SHA-256', { signal: controller.signal })).rejects.toThrow('stop');
    expect(pulls).toBeLessThan(6);
  });

  it('refuses SHA-1 and other inputs', async () => {
    await expect(digest(bytes, 'SHA-1' as never)).rejects.toThrow(TypeError);
    await expect(digest('text' as never, 'SHA-256')).rejects.toThrow(TypeError);
  });
});
