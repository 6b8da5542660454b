import { describe, expect, it } from 'vitest';
import { taxCodeCheckDigit, validateTaxCode } from '../src/validators/index.js';

/** Viettel's published tax code (Tập đoàn Công nghiệp - Viễn thông Quân đội). */
const VIETTEL = '0100109106';

/**
 * Tax codes published by their holders (invoices, registration notices), as collected by
 * python-stdnum's test suite. Each must pass: they are what proves the formula is the tax
 * authority's, not only self-consistent.
 */
const PUBLISHED = [
  '0100109106',
  '0100112437',
  '0100233488',
  '0101245486',
  '0102182292',
  '0105869220',
  '0200747399',
  '0300533351',
  '0314409058',
  '1201480559',
  '3500748818',
  '5900705097',
  '8037630690',
  '8463763902',
];

/** Builds a valid 10-digit code from a 9-digit base, or `undefined` if the base has none. */
function complete(firstNine: string): string | undefined {
  const check = taxCodeCheckDigit(firstNine);
  return check === undefined ? undefined : firstNine + check;
}

function isRefused(code: string): boolean {
  const result = validateTaxCode(code);
  return !result.ok && (result.code === 'check-digit' || result.code === 'serial');
}

describe('validateTaxCode', () => {
  it("accepts Viettel's published code as a 10-digit (enterprise) code", () => {
    expect(validateTaxCode(VIETTEL)).toEqual({
      ok: true,
      value: { kind: 'enterprise', taxCode: VIETTEL },
    });
    expect(taxCodeCheckDigit(VIETTEL.slice(0, 9))).toBe(6);
  });

  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(validateTaxCode(code)).toMatchObject({ ok: true, value: { taxCode: code } });
  });

  it.each([
    ['0314409058-002', '0314409058', '002'],
    ['0314409058002', '0314409058', '002'],
    ['0312 68 78 78 - 001', '0312687878', '001'],
    ['0102641429-066', '0102641429', '066'],
    ['1300440846-999', '1300440846', '999'],
  ])('reads %s as a branch code', (typed, parentTaxCode, branchNumber) => {
    expect(validateTaxCode(typed)).toEqual({
      ok: true,
      value: {
        kind: 'branch',
        taxCode: `${parentTaxCode}-${branchNumber}`,
        parentTaxCode,
        branchNumber,
      },
    });
  });

  it('ignores grouping spaces, dots and dashes and reads full-width digits', () => {
    for (const typed of [
      '01.00.109.106',
      '0100 109 106',
      '  0100-109-106 ',
      '０１００１０９１０６',
    ]) {
      expect(validateTaxCode(typed)).toMatchObject({ ok: true, value: { taxCode: VIETTEL } });
    }
  });

  it('accepts a 12-digit personal identification number as an individual tax code', () => {
    const result = validateTaxCode('001 099 012 345');
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'personal-id', taxCode: '001099012345' },
    });
    expect(result.ok && result.value.kind === 'personal-id' && result.value.citizenId).toEqual({
      number: '001099012345',
      birthProvinceCode: '001',
      sex: 'male',
      birthYear: 1999,
    });
  });

  it('passes on the citizen-ID refusal of a 12-digit code', () => {
    expect(validateTaxCode('000099012345')).toMatchObject({ ok: false, code: 'province' });
    expect(validateTaxCode('001999012345')).toMatchObject({ ok: false, code: 'birth-year' });
  });

  it('asks for a value when empty', () => {
    expect(validateTaxCode('')).toMatchObject({ ok: false, code: 'required' });
    expect(validateTaxCode(' - ')).toMatchObject({ ok: false, code: 'required' });
  });

  it.each(['12345', '010010910', '01001091061', '01001091060011', 'VV34567890', '0100109106-0a1'])(
    'refuses %s as neither 10, 12 nor 13 digits',
    (code) => {
      expect(validateTaxCode(code)).toMatchObject({ ok: false, code: 'format' });
    },
  );

  it('refuses the serial 0000000 even with a matching check digit', () => {
    expect(taxCodeCheckDigit('010000000')).toBe(3);
    expect(validateTaxCode('0100000003')).toMatchObject({ ok: false, code: 'serial' });
  });

  it('refuses the branch number 000', () => {
    expect(validateTaxCode('0314409058-000')).toMatchObject({ ok: false, code: 'branch' });
    expect(validateTaxCode('0314409058-001').ok).toBe(true);
  });

  it('refuses a branch code whose first ten digits fail the check digit', () => {
    expect(validateTaxCode('0314409059-002')).toMatchObject({ ok: false, code: 'check-digit' });
  });

  describe('check digit', () => {
    it('refuses all nine wrong check digits of a valid code', () => {
      const wrong = [0, 1, 2, 3, 4, 5, 7, 8, 9].map((digit) => VIETTEL.slice(0, 9) + digit);
      expect(wrong).toHaveLength(9);
      for (const code of wrong) {
        expect(validateTaxCode(code)).toMatchObject({ ok: false, code: 'check-digit' });
        expect(validateTaxCode(`${code}-001`)).toMatchObject({ ok: false, code: 'check-digit' });
      }
    });

    it('refuses every single-digit substitution in each of the ten positions', () => {
      let tried = 0;
      for (const code of PUBLISHED) {
        for (let position = 0; position < 10; position++) {
          for (let digit = 0; digit <= 9; digit++) {
            if (String(digit) === code[position]) continue;
            const mutated = code.slice(0, position) + digit + code.slice(position + 1);
            expect(isRefused(mutated), `${code} → ${mutated}`).toBe(true);
            tried++;
          }
        }
      }
      expect(tried).toBe(PUBLISHED.length * 10 * 9);
    });

    it('refuses every swap of two different neighbouring digits, check digit included', () => {
      // For each position and each ordered pair of different digits there, build a valid code
      // holding that pair and swap it. No swap goes undetected: neighbouring weights differ by
      // 2, 4 or 6, and 11 is prime, so a swap always changes the sum modulo 11; swapping the 9th
      // digit with the check digit is caught too (it would need 2·(a − b) ≡ 0 mod 11).
      let tried = 0;
      const undetected: string[] = [];
      for (let position = 0; position < 9; position++) {
        for (let a = 0; a <= 9; a++) {
          for (let b = 0; b <= 9; b++) {
            if (a === b) continue;
            const code = validCodeWith(position, a, b);
            if (code === undefined) continue;
            const swapped = swap(code, position, position + 1);
            tried++;
            if (!isRefused(swapped)) undetected.push(`${code} → ${swapped}`);
          }
        }
      }
      expect(undetected).toEqual([]);
      // All 90 ordered pairs at each of the 9 neighbouring places, the last being the 9th digit
      // and the check digit, were found in a valid code and tried.
      expect(tried).toBe(9 * 90);
    });

    it('refuses every swap of digits two apart as well', () => {
      for (const code of PUBLISHED) {
        for (let position = 0; position + 2 < 10; position++) {
          if (code[position] === code[position + 2]) continue;
          const swapped = swap(code, position, position + 2);
          expect(isRefused(swapped), `${code} → ${swapped}`).toBe(true);
        }
      }
    });

    it('has no check digit for nine digits whose weighted sum is a multiple of 11', () => {
      // 0·31 + 1·29 + 0·23 + 0·19 + 1·17 + 0·13 + 9·7 + 1·5 + 6·3 = 132 = 12 · 11
      expect(taxCodeCheckDigit('010010916')).toBeUndefined();
      for (let digit = 0; digit <= 9; digit++) {
        const result = validateTaxCode(`010010916${digit}`);
        expect(result).toMatchObject({ ok: false, code: 'check-digit' });
        expect(!result.ok && result.message.en).toContain('No valid tax code starts with');
      }
    });

    it('does not protect what it cannot: two compensating errors and the branch number', () => {
      // Two wrong digits can cancel out: 01→16 at the front keeps the sum modulo 11.
      expect(validateTaxCode('1600109106').ok).toBe(true);
      // The branch number has no check digit of its own.
      expect(validateTaxCode('0314409058-003').ok).toBe(true);
      expect(validateTaxCode('0314409058-030').ok).toBe(true);
    });

    it('rejects anything but nine digits as input to the formula', () => {
      expect(() => taxCodeCheckDigit('01001091')).toThrow(RangeError);
      expect(() => taxCodeCheckDigit('01001091a')).toThrow(RangeError);
    });
  });

  it('gives every refusal in Vietnamese and English', () => {
    for (const code of [
      '',
      '12',
      '0100000003',
      '0100109107',
      '0100109160',
      '0314409058-000',
      '000099012345',
    ]) {
      const result = validateTaxCode(code);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message.vi).toMatch(/\S/);
        expect(result.message.en).toMatch(/\S/);
        expect(result.message.vi).not.toBe(result.message.en);
      }
    }
  });
});

/**
 * A valid 10-digit code with digits `a` and `b` at `position` and `position + 1` (where
 * `position + 1` may be the check digit), found by varying the other base digits.
 */
function validCodeWith(position: number, a: number, b: number): string | undefined {
  for (let filler = 0; filler < 1000; filler++) {
    const digits = [
      ...`01${String(filler * 7919)
        .padStart(7, '0')
        .slice(-7)}`,
    ];
    digits[position] = String(a);
    if (position + 1 < 9) digits[position + 1] = String(b);
    const code = complete(digits.join(''));
    if (code === undefined || code.slice(2, 9) === '0000000') continue;
    if (code[position] === String(a) && code[position + 1] === String(b)) return code;
  }
  return undefined;
}

/** `code` with the digits at `i` and `j` exchanged. */
function swap(code: string, i: number, j: number): string {
  const digits = [...code];
  const first = digits[i] ?? '';
  digits[i] = digits[j] ?? '';
  digits[j] = first;
  return digits.join('');
}
