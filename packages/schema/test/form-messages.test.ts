import { describe, expect, it } from 'vitest';
import type { FieldDefinition, FormDefinition } from '../src/entities/form-definition.js';
import { birthRegistrationForm, formDefinitions } from '../src/forms/definitions/index.js';
import {
  fieldOwners,
  requiredFieldMessage,
  validateFormData,
} from '../src/forms/validate-form-data.js';

// Issue #18: a person who meets "Nhập ngày, tháng, năm sinh." three times cannot tell which
// date is missing; "…cha?." reads as a typo. Every authored form, both languages.
describe.each(formDefinitions.map((form) => [form.id, form] as const))('%s', (_id, form) => {
  const owners = fieldOwners(form);
  const fields = form.sections.flatMap((section) => section.fields);
  for (const locale of ['vi', 'en'] as const) {
    const messages = fields.map((field) => ({
      field: field.name,
      message: requiredFieldMessage(field, owners.get(field.name))[locale],
    }));

    it(`no two fields share a "required" message (${locale})`, () => {
      const seen = new Map<string, string>();
      for (const { field, message } of messages) {
        expect(seen.get(message), `${field} and ${seen.get(message)}: ${message}`).toBeUndefined();
        seen.set(message, field);
      }
    });

    it(`no message ends in "?." or ".." (${locale})`, () => {
      for (const { field, message } of messages) {
        expect(message, field).not.toMatch(/(?:\?\.|\.\.|\s\.)$/u);
        expect(message, field).toMatch(/[.?"]$/u);
      }
    });
  }

  it('validateFormData words an empty form as requiredFieldMessage does', () => {
    const result = validateFormData(form, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byName = new Map(fields.map((field) => [field.name, field]));
    for (const error of result.errors.filter((e) => e.code === 'required')) {
      const field = byName.get(error.path);
      expect(field, error.path).toBeDefined();
      if (field) expect(error.message).toBe(requiredFieldMessage(field, owners.get(field.name)).vi);
    }
  });
});

const birthFields: FieldDefinition[] = (birthRegistrationForm as FormDefinition).sections.flatMap(
  (section) => [...section.fields],
);

describe('whose field a message names', () => {
  it('names the child, the mother and the father on the three dates of birth', () => {
    const owners = fieldOwners(birthRegistrationForm);
    const dates = birthFields.filter((field) => field.label.vi === 'Ngày, tháng, năm sinh');
    expect(dates.length).toBe(3);
    expect(dates.map((field) => requiredFieldMessage(field, owners.get(field.name)).vi)).toEqual([
      'Nhập ngày, tháng, năm sinh của người được khai sinh.',
      'Nhập ngày, tháng, năm sinh của người mẹ.',
      'Nhập ngày, tháng, năm sinh của người cha.',
    ]);
  });

  it('leaves a label that says whose it is alone', () => {
    const owners = fieldOwners(birthRegistrationForm);
    const name = birthFields.find((field) => field.label.vi === 'Họ, chữ đệm, tên người mẹ');
    expect(name && owners.get(name.name)).toBeUndefined();
  });

  it('asks a question label as a question, not "…?."', () => {
    const field = birthFields.find((f) => f.label.vi === 'Khai thông tin người cha?');
    expect(field).toBeDefined();
    if (field)
      expect(requiredFieldMessage(field).vi).toBe('Trả lời câu hỏi "Khai thông tin người cha?"');
  });
});
