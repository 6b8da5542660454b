import type { FieldDefinition, FormDefinition } from '../entities/form-definition.js';
import { isVisible } from './conditions.js';

/**
 * Answers that pass a form's validation, built from its fields as a careful (made-up) citizen
 * would fill them — for demos, tests and load tests of a back end, so that none of them has to
 * hand-write answers that break when a form changes. Conditional fields are answered only when
 * shown. `files` maps a field's `documentCode` (or name) to attachment ids; `'*'` serves a
 * required file field that has none.
 */
export function exampleAnswers(
  form: FormDefinition,
  files: Readonly<Record<string, readonly string[]>> = {},
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  // Conditions refer to earlier answers: a second pass settles fields shown by later ones.
  for (let pass = 0; pass < 2; pass++) {
    for (const section of form.sections) {
      if (!isVisible(section.visibleWhen, data)) continue;
      for (const field of section.fields) {
        if (!isVisible(field.visibleWhen, data)) {
          delete data[field.name];
          continue;
        }
        if (!(field.name in data)) data[field.name] = answer(field, files);
      }
    }
  }
  for (const [name, value] of Object.entries(data)) if (value === undefined) delete data[name];
  return data;
}

function answer(
  field: FieldDefinition,
  files: Readonly<Record<string, readonly string[]>>,
): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return textAnswer(field);
    case 'email':
      return 'an.nguyen@example.vn';
    case 'phone':
      return '0905123456';
    case 'citizen-id':
      return '048099012345';
    case 'number':
      return field.min ?? 1;
    case 'date':
      if (field.minDate === 'today') return '2099-01-01';
      return field.minDate ?? '2000-01-01';
    case 'select':
    case 'radio':
      return field.options?.[0]?.value;
    case 'checkbox':
      return field.multiple ? [field.options?.[0]?.value] : true;
    case 'address':
      return { provinceCode: '48', communeCode: '20242', street: '12 Trần Phú' };
    case 'file': {
      const ids =
        files[field.documentCode ?? field.name] ?? (field.required ? files['*'] : undefined);
      return ids ? [...ids] : undefined;
    }
  }
}

/** Plausible texts, tried in order until one fits the field's length and pattern. */
const TEXTS = ['Nguyễn Văn An', '0100109106', '048099012345', '12 Trần Phú', '2024', 'A', '1'];

function textAnswer(field: FieldDefinition): string {
  const fits = (text: string) =>
    text.length >= (field.minLength ?? 0) &&
    text.length <= (field.maxLength ?? Number.POSITIVE_INFINITY) &&
    (!field.pattern || matches(field.pattern, text));
  return (
    TEXTS.find(fits) ??
    'Nguyễn Văn An'.slice(0, field.maxLength ?? 100).padEnd(field.minLength ?? 0, 'a')
  );
}

function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'v').test(text);
  } catch {
    return true;
  }
}
