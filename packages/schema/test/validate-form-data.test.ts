import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Address } from '../src/entities/applicant.js';
import { FormDefinition } from '../src/entities/form-definition.js';
import { formDataSchema } from '../src/forms/form-data-schema.js';
import { isAddress } from '../src/forms/is-address.js';
import { validateFormData } from '../src/forms/validate-form-data.js';

const L = (vi: string, en: string) => ({ vi, en });

const form = z.parse(FormDefinition, {
  id: 'test-form',
  version: 1,
  title: L('Tờ khai thử', 'Test form'),
  sections: [
    {
      id: 'child',
      title: L('Người được khai sinh', 'The child'),
      fields: [
        {
          name: 'fullName',
          type: 'text',
          label: L('Họ và tên', 'Full name'),
          required: true,
          maxLength: 50,
        },
        {
          name: 'dateOfBirth',
          type: 'date',
          label: L('Ngày sinh', 'Date of birth'),
          required: true,
          maxDate: 'today',
        },
        {
          name: 'sex',
          type: 'radio',
          label: L('Giới tính', 'Sex'),
          required: true,
          options: [
            { value: 'male', label: L('Nam', 'Male') },
            { value: 'female', label: L('Nữ', 'Female') },
          ],
        },
        {
          name: 'weightKg',
          type: 'number',
          label: L('Cân nặng (kg)', 'Weight (kg)'),
          min: 0.3,
          max: 8,
        },
      ],
    },
    {
      id: 'father',
      title: L('Người cha', 'The father'),
      fields: [
        {
          name: 'fatherKnown',
          type: 'checkbox',
          label: L('Khai thông tin người cha', 'Register the father'),
        },
        {
          name: 'fatherId',
          type: 'citizen-id',
          label: L('Số định danh cá nhân của cha', "Father's personal ID number"),
          required: true,
          visibleWhen: { field: 'fatherKnown', operator: 'equals', value: true },
        },
      ],
    },
    {
      id: 'contact',
      title: L('Liên hệ', 'Contact'),
      fields: [
        { name: 'phone', type: 'phone', label: L('Số điện thoại', 'Phone number'), required: true },
        { name: 'email', type: 'email', label: L('Email', 'Email') },
        {
          name: 'birthCertificate',
          type: 'file',
          label: L('Giấy chứng sinh', 'Birth certificate'),
          required: true,
          maxFiles: 2,
          documentCode: 'doc-1',
        },
      ],
    },
  ],
});

const valid = {
  fullName: '  Nguyễn Minh Anh ',
  dateOfBirth: '2026-02-10',
  sex: 'female',
  weightKg: '3.2',
  fatherKnown: false,
  phone: '+84 912 345 678',
  birthCertificate: ['a1'],
  notInTheForm: 'dropped',
};

const today = '2026-02-13';

describe('validateFormData', () => {
  it('accepts valid answers and normalises them', () => {
    const result = validateFormData(form, valid, { today });
    expect(result).toEqual({
      ok: true,
      value: {
        fullName: 'Nguyễn Minh Anh',
        dateOfBirth: '2026-02-10',
        sex: 'female',
        weightKg: 3.2,
        phone: '0912345678',
        birthCertificate: ['a1'],
      },
    });
  });

  it('names every missing required field, in the chosen language', () => {
    const result = validateFormData(form, {}, { today, locale: 'en' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { path: 'fullName', code: 'required', message: 'Enter full name.' },
      { path: 'dateOfBirth', code: 'required', message: 'Enter date of birth.' },
      { path: 'sex', code: 'required', message: 'Select sex.' },
      { path: 'phone', code: 'required', message: 'Enter phone number.' },
      { path: 'birthCertificate', code: 'required', message: 'Upload birth certificate.' },
    ]);
    const vi = validateFormData(form, {}, { today });
    expect(!vi.ok && vi.errors[0]?.message).toBe('Nhập họ và tên.');
  });

  it('requires a conditional field only when it is shown, and drops it when hidden', () => {
    const shown = validateFormData(form, { ...valid, fatherKnown: true }, { today });
    expect(!shown.ok && shown.errors.map((e) => e.path)).toEqual(['fatherId']);
    const hidden = validateFormData(form, { ...valid, fatherId: '001099012345' }, { today });
    expect(hidden.ok && 'fatherId' in hidden.value).toBe(false);
    const filled = validateFormData(
      form,
      { ...valid, fatherKnown: 'on', fatherId: '001 099 012 345' },
      { today },
    );
    expect(filled.ok && filled.value.fatherId).toBe('001099012345');
  });

  it.each([
    [{ dateOfBirth: '2026-02-30' }, 'dateOfBirth', 'date'],
    [{ dateOfBirth: '2026-02-14' }, 'dateOfBirth', 'max_date'],
    [{ sex: 'other' }, 'sex', 'option'],
    [{ weightKg: '12' }, 'weightKg', 'max'],
    [{ weightKg: '3,2' }, 'weightKg', 'number'],
    [{ weightKg: 0.1 }, 'weightKg', 'min'],
    [{ fullName: 'x'.repeat(51) }, 'fullName', 'too_long'],
    [{ phone: '0123456789' }, 'phone', 'prefix'],
    [{ email: 'an@' }, 'email', 'format'],
    [{ birthCertificate: ['a', 'b', 'c'] }, 'birthCertificate', 'too_many_files'],
    [{ fatherKnown: true, fatherId: '000099012345' }, 'fatherId', 'province'],
  ] as const)('refuses %o as %s: %s', (change, path, code) => {
    const result = validateFormData(form, { ...valid, ...change }, { today });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([expect.objectContaining({ path, code })]);
  });

  it('gives the same verdict through the zod schema', () => {
    const schema = formDataSchema(form, { today, locale: 'en' });
    expect(z.safeParse(schema, valid).success).toBe(true);
    const failed = z.safeParse(schema, { ...valid, sex: 'x' });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues).toEqual([
      expect.objectContaining({
        path: ['sex'],
        message: 'Select sex from the list.',
        params: { code: 'option' },
      }),
    ]);
  });
});

describe('isAddress', () => {
  it.each([
    [{ provinceCode: '48', communeCode: '20242', street: '12 Trần Phú' }],
    [{ provinceCode: '4', communeCode: '20242', street: '12 Trần Phú' }],
    [{ provinceCode: '48', communeCode: '2024', street: '12 Trần Phú' }],
    [{ provinceCode: '48', communeCode: '20242', street: '' }],
    [{ provinceCode: '48', communeCode: '20242' }],
    [{ provinceCode: 48, communeCode: '20242', street: 'x' }],
    [{ provinceCode: '48', communeCode: '20242', street: 'x', extra: 1 }],
    [null],
    ['48-20242'],
    [['48', '20242', 'x']],
  ])('agrees with the Address schema on %o', (value) => {
    expect(isAddress(value)).toBe(z.safeParse(Address, value).success);
  });
});
