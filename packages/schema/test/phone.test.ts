import { describe, expect, it } from 'vitest';
import { MOBILE_CARRIERS, normalizePhone, validatePhone } from '../src/validators/index.js';

describe('normalizePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['091.234.5678', '0912345678'],
    ['091-234-5678', '0912345678'],
    ['(091) 234 5678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 91 234 56 78', '0912345678'],
    ['(+84) 912-345-678', '0912345678'],
    ['+84 (0) 912 345 678', '0912345678'],
    ['+840912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084912345678', '0912345678'],
    ['00 84 912 345 678', '0912345678'],
    ['０９１２３４５６７８', '0912345678'],
    ['＋８４ ９１２ ３４５ ６７８', '0912345678'],
    ['024 3825 1234', '02438251234'],
    ['+84 24 3825 1234', '02438251234'],
    ['842438251234', '02438251234'],
    ['(0236) 3822 123', '02363822123'],
  ])('reads %s as %s', (typed, national) => {
    expect(normalizePhone(typed)).toBe(national);
  });

  it.each([
    '',
    '+',
    '+84',
    'abc',
    '0912 345 678 ext 12',
    '0912345678#',
    '09+12345678',
    '912345678',
    '8491234567',
    '+1 202 555 0123',
  ])('cannot read %s as a Vietnamese number', (typed) => {
    expect(normalizePhone(typed)).toBeUndefined();
  });
});

describe('validatePhone', () => {
  it('returns both forms, the kind and the carrier of a mobile number', () => {
    expect(validatePhone('+84 912 345 678')).toEqual({
      ok: true,
      value: {
        national: '0912345678',
        e164: '+84912345678',
        kind: 'mobile',
        carrier: 'VinaPhone',
      },
    });
  });

  it.each([
    ['0326 123 456', 'Viettel'],
    ['0399 999 999', 'Viettel'],
    ['0868 123 456', 'Viettel'],
    ['0987 654 321', 'Viettel'],
    ['0901 234 567', 'MobiFone'],
    ['0708 123 456', 'MobiFone'],
    ['0768 123 456', 'MobiFone'],
    ['0898 123 456', 'MobiFone'],
    ['0818 123 456', 'VinaPhone'],
    ['0888 123 456', 'VinaPhone'],
    ['0941 234 567', 'VinaPhone'],
    ['0921 234 567', 'Vietnamobile'],
    ['0522 123 456', 'Vietnamobile'],
    ['0562 123 456', 'Vietnamobile'],
    ['0588 123 456', 'Vietnamobile'],
    ['0599 123 456', 'Gmobile'],
    ['0993 123 456', 'Gmobile'],
    ['0877 123 456', 'iTel'],
    ['0559 123 456', 'Reddi'],
  ])('accepts the mobile number %s (%s)', (typed, carrier) => {
    const result = validatePhone(typed);
    const national = typed.replace(/ /g, '');
    expect(result).toEqual({
      ok: true,
      value: { national, e164: `+84${national.slice(1)}`, kind: 'mobile', carrier },
    });
  });

  it('accepts exactly the allocated mobile prefixes', () => {
    const accepted: string[] = [];
    for (let prefix = 30; prefix <= 99; prefix++) {
      if (validatePhone(`0${prefix}1234567`).ok) accepted.push(`0${prefix}`);
    }
    expect(accepted).toEqual([
      ...['032', '033', '034', '035', '036', '037', '038', '039'],
      ...['052', '055', '056', '058', '059'],
      ...['070', '076', '077', '078', '079'],
      ...['081', '082', '083', '084', '085', '086', '087', '088', '089'],
      ...['090', '091', '092', '093', '094', '096', '097', '098', '099'],
    ]);
  });

  it('names a known carrier for every prefix, and uses every carrier it knows', () => {
    const carriers = new Set<string>();
    for (let prefix = 30; prefix <= 99; prefix++) {
      const result = validatePhone(`0${prefix}1234567`);
      if (result.ok) carriers.add(String(result.value.carrier));
    }
    expect([...carriers].sort()).toEqual([...MOBILE_CARRIERS].sort());
  });

  it.each([
    ['024 3825 1234', '024'],
    ['028 3829 5555', '028'],
    ['+84 28 6290 1234', '028'],
    ['0236 3822 123', '0236'],
    ['(0292) 3821 234', '0292'],
    ['0203.3825.123', '0203'],
    ['0299 3822 111', '0299'],
    ['84 2253 842 123', '0225'],
  ])('accepts the landline %s (area %s)', (typed, areaCode) => {
    const result = validatePhone(typed);
    expect(result).toMatchObject({ ok: true, value: { kind: 'landline', areaCode } });
    expect(result.ok && result.value.e164).toMatch(/^\+842\d{9}$/);
    expect(result.ok && result.value.national).toHaveLength(11);
    expect(result.ok && 'carrier' in result.value).toBe(false);
  });

  it('asks for a value when empty', () => {
    expect(validatePhone('')).toMatchObject({ ok: false, code: 'required' });
    expect(validatePhone('   ')).toMatchObject({ ok: false, code: 'required' });
    expect(validatePhone(' ( ) - ')).toMatchObject({ ok: false, code: 'required' });
  });

  it.each(['abc', '0912 345 678 ext 12', '09123456７8a', '912345678', '1900 1234', '113'])(
    'refuses %s as not written like a phone number',
    (typed) => {
      expect(validatePhone(typed)).toMatchObject({ ok: false, code: 'format' });
    },
  );

  it('says that only Vietnamese numbers are taken', () => {
    for (const typed of ['+1 202 555 0123', '+33 1 42 68 53 00', '0033142685300']) {
      const result = validatePhone(typed);
      expect(result).toMatchObject({ ok: false, code: 'format' });
      expect(!result.ok && result.message.en).toContain('+84');
    }
  });

  it.each([
    ['091234567', 9],
    ['09123456789', 11],
    ['+84 91 234 567', 9],
  ])('refuses the mobile number %s of %i digits', (typed, length) => {
    const result = validatePhone(typed);
    expect(result).toMatchObject({ ok: false, code: 'format' });
    expect(!result.ok && result.message.en).toContain(`this has ${length}`);
  });

  it.each(['0243825123', '024382512345', '0236382212'])(
    'refuses the landline %s that is not 11 digits',
    (typed) => {
      expect(validatePhone(typed)).toMatchObject({ ok: false, code: 'format' });
    },
  );

  it.each([
    '0123456789',
    '0301234567',
    '0311234567',
    '0511234567',
    '0541234567',
    '0601234567',
    '0711234567',
    '0801234567',
    '0951234567',
  ])('refuses the unallocated mobile prefix of %s', (typed) => {
    const result = validatePhone(typed);
    expect(result).toMatchObject({ ok: false, code: 'prefix' });
    expect(!result.ok && result.message.en).toContain(typed.slice(0, 3));
  });

  it.each(['02011234567', '02171234567', '02301234567', '02531234567', '02951234567'])(
    'refuses the unknown area code of %s',
    (typed) => {
      const result = validatePhone(typed);
      expect(result).toMatchObject({ ok: false, code: 'prefix' });
      expect(!result.ok && result.message.en).toContain(typed.slice(0, 4));
    },
  );

  it.each([
    ['01691234567', '0391234567'],
    ['0120 123 4567', '0701234567'],
    ['+84 129 123 4567', '0821234567'],
    ['841881234567', '0581234567'],
  ])('points the retired 11-digit mobile number %s to %s', (typed, renumbered) => {
    const result = validatePhone(typed);
    expect(result).toMatchObject({ ok: false, code: 'prefix' });
    expect(!result.ok && result.message.vi).toContain(renumbered);
    expect(!result.ok && result.message.en).toContain(renumbered);
  });

  it('knows all 21 conversions of 2018, as Decision 798/QĐ-BTTTT lists them', () => {
    const conversions = {
      MobiFone: [
        ['0120', '070'],
        ['0121', '079'],
        ['0122', '077'],
        ['0126', '076'],
        ['0128', '078'],
      ],
      VinaPhone: [
        ['0123', '083'],
        ['0124', '084'],
        ['0125', '085'],
        ['0127', '081'],
        ['0129', '082'],
      ],
      Viettel: [
        ['0162', '032'],
        ['0163', '033'],
        ['0164', '034'],
        ['0165', '035'],
        ['0166', '036'],
        ['0167', '037'],
        ['0168', '038'],
        ['0169', '039'],
      ],
      Vietnamobile: [
        ['0186', '056'],
        ['0188', '058'],
      ],
      Gmobile: [['0199', '059']],
    };
    let count = 0;
    for (const [carrier, pairs] of Object.entries(conversions)) {
      for (const [old, renumbered] of pairs) {
        const result = validatePhone(`${old}7654321`);
        expect(!result.ok && result.message.en).toContain(`${renumbered}7654321`);
        // The new number is valid and on the same network.
        expect(validatePhone(`${renumbered}7654321`)).toMatchObject({
          ok: true,
          value: { carrier },
        });
        count++;
      }
    }
    expect(count).toBe(21);
  });

  it("points Hà Nội's pre-2017 area code 04 to 024", () => {
    const result = validatePhone('04 3825 1234');
    expect(result).toMatchObject({ ok: false, code: 'prefix' });
    expect(!result.ok && result.message.en).toContain('02438251234');
  });

  it('takes the kind of number the field asks for', () => {
    expect(validatePhone('0912345678', { kind: 'mobile' }).ok).toBe(true);
    expect(validatePhone('02438251234', { kind: 'landline' }).ok).toBe(true);
    expect(validatePhone('0912345678', { kind: 'any' }).ok).toBe(true);
    expect(validatePhone('02438251234', { kind: 'any' }).ok).toBe(true);
  });

  it('refuses the other kind of number', () => {
    const landline = validatePhone('024 3825 1234', { kind: 'mobile' });
    expect(landline).toMatchObject({ ok: false, code: 'kind' });
    expect(!landline.ok && landline.message.en).toContain('mobile number is needed');
    const mobile = validatePhone('0912 345 678', { kind: 'landline' });
    expect(mobile).toMatchObject({ ok: false, code: 'kind' });
    expect(!mobile.ok && mobile.message.en).toContain('landline number is needed');
  });

  it('reports a wrong prefix before a wrong kind', () => {
    expect(validatePhone('0301234567', { kind: 'landline' })).toMatchObject({
      ok: false,
      code: 'prefix',
    });
  });

  it('gives every refusal in Vietnamese and English', () => {
    for (const [typed, kind] of [
      ['', 'any'],
      ['abc', 'any'],
      ['+1 202 555 0123', 'any'],
      ['091234567', 'any'],
      ['0243825123', 'any'],
      ['0301234567', 'any'],
      ['02011234567', 'any'],
      ['01691234567', 'any'],
      ['0438251234', 'any'],
      ['0912345678', 'landline'],
      ['02438251234', 'mobile'],
    ] as const) {
      const result = validatePhone(typed, { kind });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message.vi).toMatch(/\S/);
        expect(result.message.en).toMatch(/\S/);
        expect(result.message.vi).not.toBe(result.message.en);
      }
    }
  });
});
