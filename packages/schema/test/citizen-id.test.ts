import { describe, expect, it } from 'vitest';
import { validateCitizenId } from '../src/index.js';

const now = new Date('2026-11-26T00:00:00+07:00');

describe('validateCitizenId', () => {
  it('reads province, sex and birth year from a valid ID', () => {
    const result = validateCitizenId('001099012345', { now });
    expect(result).toEqual({
      ok: true,
      value: { number: '001099012345', birthProvinceCode: '001', sex: 'male', birthYear: 1999 },
    });
  });

  it.each([
    ['079305000001', 'female', 2005],
    ['048200123456', 'male', 2000],
    ['096125999999', 'female', 1925],
  ] as const)('decodes the century and sex digit of %s', (id, sex, birthYear) => {
    const result = validateCitizenId(id, { now });
    expect(result.ok && result.value).toMatchObject({ sex, birthYear });
  });

  it('ignores grouping spaces, dots and dashes and reads full-width digits', () => {
    for (const typed of [
      '001 099 012 345',
      '001.099.012.345',
      '001-099-012-345',
      '００１０９９０１２３４５',
    ]) {
      const result = validateCitizenId(typed, { now });
      expect(result.ok && result.value.number).toBe('001099012345');
    }
  });

  it('asks for a value when empty', () => {
    expect(validateCitizenId('  ', { now })).toMatchObject({ ok: false, code: 'required' });
  });

  it.each(['00109901234', '0010990123456', '00109901234a', '123456789'])(
    'refuses %s as not 12 digits',
    (id) => {
      expect(validateCitizenId(id, { now })).toMatchObject({ ok: false, code: 'format' });
    },
  );

  it.each(['000099012345', '003099012345', '097099012345', '999099012345'])(
    'refuses %s for its unknown province code',
    (id) => {
      const result = validateCitizenId(id, { now });
      expect(result).toMatchObject({ ok: false, code: 'province' });
      expect(!result.ok && result.message.en).toContain(id.slice(0, 3));
    },
  );

  it('refuses a birth year in the future', () => {
    expect(validateCitizenId('001227012345', { now })).toMatchObject({
      ok: false,
      code: 'birth-year',
    });
    expect(validateCitizenId('001426012345', { now })).toMatchObject({
      ok: false,
      code: 'birth-year',
    });
    // The current year itself is fine: a newborn gets an ID.
    expect(validateCitizenId('001226012345', { now }).ok).toBe(true);
  });

  it('gives every refusal in Vietnamese and English', () => {
    for (const id of ['', '12', '000099012345', '001227012345']) {
      const result = validateCitizenId(id, { now });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message.vi).toMatch(/\S/);
        expect(result.message.en).toMatch(/\S/);
        expect(result.message.vi).not.toBe(result.message.en);
      }
    }
  });
});
