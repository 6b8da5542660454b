import { describe, expect, it } from 'vitest';
import { validateLegacyId, validatePersonalId } from '../src/validators/index.js';

const now = new Date('2026-11-26T00:00:00+07:00');

describe('validateLegacyId', () => {
  it('reads the issuing-area prefix of a valid CMND number', () => {
    expect(validateLegacyId('012345678')).toEqual({
      ok: true,
      value: { number: '012345678', areaCode: '01' },
    });
  });

  it.each([
    ['024681357', '02'],
    ['031234567', '03'],
    ['095123456', '09'],
    ['230123456', '23'],
    ['285123456', '28'],
    ['381234567', '38'],
  ])('accepts %s, issued in area %s', (number, areaCode) => {
    expect(validateLegacyId(number)).toEqual({ ok: true, value: { number, areaCode } });
  });

  it('ignores grouping spaces, dots and dashes and reads full-width digits', () => {
    for (const typed of ['012 345 678', '012.345.678', '012-345-678', ' ０１２３４５６７８ ']) {
      expect(validateLegacyId(typed)).toMatchObject({ ok: true, value: { number: '012345678' } });
    }
  });

  it('asks for a value when empty', () => {
    expect(validateLegacyId('')).toMatchObject({ ok: false, code: 'required' });
    expect(validateLegacyId(' . ')).toMatchObject({ ok: false, code: 'required' });
  });

  it.each(['01234567', '0123456789', '01234567a', '001099012345', '12 345 678'])(
    'refuses %s as not 9 digits',
    (number) => {
      expect(validateLegacyId(number)).toMatchObject({ ok: false, code: 'format' });
    },
  );

  it('says how many digits were typed', () => {
    const result = validateLegacyId('0123456789');
    expect(!result.ok && result.message.en).toContain('10 digits');
    expect(!result.ok && result.message.vi).toContain('10 chữ số');
  });

  it.each(['000000000', '111111111', '222222222', '999999999', '123456789', '987654321'])(
    'refuses the placeholder %s',
    (number) => {
      expect(validateLegacyId(number)).toMatchObject({ ok: false, code: 'placeholder' });
    },
  );

  it.each(['001234567', '391234567', '401234567', '991234567'])(
    'refuses %s for an issuing-area prefix outside 01–38',
    (number) => {
      const result = validateLegacyId(number);
      expect(result).toMatchObject({ ok: false, code: 'area' });
      expect(!result.ok && result.message.en).toContain(number.slice(0, 2));
    },
  );

  it('gives every refusal in Vietnamese and English', () => {
    for (const number of ['', '12', '111111111', '991234567']) {
      const result = validateLegacyId(number);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message.vi).toMatch(/\S/);
        expect(result.message.en).toMatch(/\S/);
        expect(result.message.vi).not.toBe(result.message.en);
      }
    }
  });
});

describe('validatePersonalId', () => {
  it('reads a 12-digit number as a citizen ID', () => {
    expect(validatePersonalId('001 099 012 345', { now })).toEqual({
      ok: true,
      value: {
        kind: 'citizen-id',
        number: '001099012345',
        birthProvinceCode: '001',
        sex: 'male',
        birthYear: 1999,
      },
    });
  });

  it('reads a 9-digit number as a legacy CMND', () => {
    expect(validatePersonalId('012.345.678')).toEqual({
      ok: true,
      value: { kind: 'legacy-id', number: '012345678', areaCode: '01' },
    });
  });

  it('passes on the refusal of the check it delegates to', () => {
    expect(validatePersonalId('000099012345', { now })).toMatchObject({
      ok: false,
      code: 'province',
    });
    expect(validatePersonalId('001227012345', { now })).toMatchObject({
      ok: false,
      code: 'birth-year',
    });
    expect(validatePersonalId('000000000')).toMatchObject({ ok: false, code: 'placeholder' });
    expect(validatePersonalId('991234567')).toMatchObject({ ok: false, code: 'area' });
  });

  it('hands the moment "now" to the citizen-ID check', () => {
    expect(validatePersonalId('001226012345', { now }).ok).toBe(true);
    expect(
      validatePersonalId('001226012345', { now: new Date('2025-06-01T00:00:00+07:00') }),
    ).toMatchObject({ ok: false, code: 'birth-year' });
  });

  it('asks for a value when empty', () => {
    expect(validatePersonalId('  ')).toMatchObject({ ok: false, code: 'required' });
  });

  it.each(['12345678', '0123456789', '00109901234', '0010990123456', '00109901234a'])(
    'refuses %s as neither 9 nor 12 digits',
    (number) => {
      const result = validatePersonalId(number, { now });
      expect(result).toMatchObject({ ok: false, code: 'format' });
      expect(!result.ok && result.message.en).toContain('12-digit citizen ID');
    },
  );
});
