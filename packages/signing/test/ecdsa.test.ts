import { describe, expect, it } from 'vitest';
import { ecdsaDerToRaw, ecdsaRawToDer, normalizeEcdsaSignature } from '../src/internal/ecdsa.js';

describe('ECDSA signature encodings', () => {
  it('writes r‖s as a DER SEQUENCE of two INTEGERs, with a 0x00 before a high bit and no leading zeros', () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80; // r has its high bit set: needs a leading 0x00
    raw[31] = 1;
    raw[62] = 0x12; // s is small: leading zeros dropped
    raw[63] = 0x34;
    const der = ecdsaRawToDer(raw);
    expect(Buffer.from(der).toString('hex')).toBe(
      `3027022100${Buffer.from(raw.subarray(0, 32)).toString('hex')}02021234`,
    );
    expect(ecdsaDerToRaw(der, 32)).toEqual(raw);
  });

  it('round-trips random signatures on both curves', () => {
    for (const size of [32, 48]) {
      for (let n = 0; n < 50; n += 1) {
        const raw = crypto.getRandomValues(new Uint8Array(size * 2));
        expect(ecdsaDerToRaw(ecdsaRawToDer(raw), size)).toEqual(raw);
      }
    }
  });

  it('normalizes what a remote service sends: DER kept, r‖s converted, garbage refused', () => {
    const raw = crypto.getRandomValues(new Uint8Array(64));
    raw[0] = 0x7f;
    const der = ecdsaRawToDer(raw);
    expect(normalizeEcdsaSignature(der, 32)).toBe(der);
    expect(normalizeEcdsaSignature(raw, 32)).toEqual(der);
    expect(() => normalizeEcdsaSignature(new Uint8Array(10), 32)).toThrow(TypeError);
  });
});
