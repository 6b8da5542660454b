import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { hashWorkerModule } from '../scripts/build-hash-worker.mjs';

describe('the hash worker shipped as a string', () => {
  it('is current with worker/hash-worker.ts and hash-wasm (else run scripts/build-hash-worker.mjs)', async () => {
    const committed = readFileSync(
      new URL('../src/digest/hash-worker.source.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(await hashWorkerModule());
  });
});
