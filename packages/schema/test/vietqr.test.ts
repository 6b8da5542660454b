import { describe, expect, it } from 'vitest';
import { crc16Ccitt, InvalidVietQrError, vietQrPayload } from '../src/index.js';

/** An EMV TLV reader written for the test, apart from the builder. */
function fields(payload: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < payload.length) {
    const tag = payload.slice(i, i + 2);
    const length = Number(payload.slice(i + 2, i + 4));
    expect(Number.isInteger(length)).toBe(true);
    out.set(tag, payload.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  expect(i).toBe(payload.length);
  return out;
}

describe('VietQR payload', () => {
  it('uses CRC-16/CCITT-FALSE (check value of "123456789" is 29B1)', () => {
    expect(crc16Ccitt('123456789')).toBe('29B1');
  });

  it('carries every field of a dynamic transfer with a valid CRC', () => {
    const payload = vietQrPayload({
      bankBin: '970436',
      accountNumber: '0011001234567',
      amount: 150000,
      purpose: 'HS260213000042P1',
      billNumber: 'HS-260213-000042',
    });
    const top = fields(payload);
    expect(top.get('00')).toBe('01');
    expect(top.get('01')).toBe('12');
    const merchant = fields(top.get('38') as string);
    expect(merchant.get('00')).toBe('A000000727');
    expect(fields(merchant.get('01') as string)).toEqual(
      new Map([
        ['00', '970436'],
        ['01', '0011001234567'],
      ]),
    );
    expect(merchant.get('02')).toBe('QRIBFTTA');
    expect(top.get('53')).toBe('704');
    expect(top.get('54')).toBe('150000');
    expect(top.get('58')).toBe('VN');
    const additional = fields(top.get('62') as string);
    expect(additional.get('08')).toBe('HS260213000042P1');
    expect(additional.get('01')).toBe('HS-260213-000042');
    expect(payload.slice(-8, -4)).toBe('6304');
    expect(payload.slice(-4)).toBe(crc16Ccitt(payload.slice(0, -4)));
  });

  it('refuses values a banking app would mangle, never cutting them', () => {
    const base = { bankBin: '970436', accountNumber: '123' };
    expect(() => vietQrPayload({ ...base, bankBin: '97043' })).toThrow(InvalidVietQrError);
    expect(() => vietQrPayload({ ...base, amount: 0 })).toThrow(InvalidVietQrError);
    expect(() => vietQrPayload({ ...base, amount: 1.5 })).toThrow(InvalidVietQrError);
    expect(() => vietQrPayload({ ...base, purpose: 'Lệ phí' })).toThrow(InvalidVietQrError);
    expect(() => vietQrPayload({ ...base, purpose: 'x'.repeat(26) })).toThrow(InvalidVietQrError);
    expect(() => vietQrPayload({ ...base, accountNumber: '12 3' })).toThrow(InvalidVietQrError);
  });

  it('makes a static code (point of initiation 11) without an amount', () => {
    const top = fields(vietQrPayload({ bankBin: '970436', accountNumber: '123' }));
    expect(top.get('01')).toBe('11');
    expect(top.has('54')).toBe(false);
  });
});
