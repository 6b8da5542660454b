import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  type Condition,
  type FieldDefinition,
  FormDefinition,
  type VisibleWhen,
} from '../src/entities/form-definition.js';
import { isVisible } from '../src/forms/conditions.js';
import {
  birthRegistrationForm,
  formDefinitions,
  formForProcedure,
  genericApplicationForm,
  militaryServiceFirstRegistrationForm,
} from '../src/forms/definitions/index.js';

type Located = { field: FieldDefinition; index: number; sectionWhen: VisibleWhen | undefined };

/** Every field of a form in reading order, with its position and its section's condition. */
function fieldsOf(form: FormDefinition): Located[] {
  return form.sections
    .flatMap((section) =>
      section.fields.map((field) => ({ field, sectionWhen: section.visibleWhen })),
    )
    .map((entry, index) => ({ ...entry, index }));
}

function conditionsOf(when: VisibleWhen | undefined): Condition[] {
  if (!when) return [];
  if ('all' in when) return when.all;
  if ('any' in when) return when.any;
  return [when];
}

/** What a condition needs to hold: the value to give its field, or `undefined` for "leave empty". */
function witnessValue(condition: Condition, target: FieldDefinition): unknown {
  const optionValues = target.options?.map((option) => option.value) ?? [];
  switch (condition.operator) {
    case 'equals':
      return target.multiple ? [condition.value] : condition.value;
    case 'in':
      return Array.isArray(condition.value) ? condition.value[0] : undefined;
    case 'not_equals':
      return optionValues.find((value) => value !== condition.value) ?? 'something else';
    case 'filled':
      if (target.type === 'checkbox' && !target.multiple) return true;
      return target.multiple ? optionValues.slice(0, 1) : (optionValues[0] ?? 'filled');
    case 'empty':
      return undefined;
  }
}

/**
 * Answers under which `name` is shown, found by satisfying its conditions and, recursively, those
 * of the fields they test (an `any` by its first branch). Throws when two conditions want one
 * field to hold different values: that field could never be shown.
 */
function witnessFor(
  form: FormDefinition,
  name: string,
  data: Record<string, unknown> = {},
): Record<string, unknown> {
  const byName = new Map(fieldsOf(form).map((entry) => [entry.field.name, entry]));
  const entry = byName.get(name);
  if (!entry) throw new Error(`no field ${name}`);
  for (const when of [entry.sectionWhen, entry.field.visibleWhen]) {
    const conditions = when && 'any' in when ? when.any.slice(0, 1) : conditionsOf(when);
    for (const condition of conditions) {
      const target = byName.get(condition.field);
      if (!target) throw new Error(`${name} tests unknown field ${condition.field}`);
      const value = witnessValue(condition, target.field);
      if (
        condition.field in data &&
        JSON.stringify(data[condition.field]) !== JSON.stringify(value)
      ) {
        throw new Error(`${name} needs ${condition.field} to be two things at once`);
      }
      data[condition.field] = value;
      witnessFor(form, condition.field, data);
    }
  }
  return data;
}

describe.each(formDefinitions.map((form) => [form.id, form] as const))('form %s', (_id, form) => {
  const located = fieldsOf(form);

  it('parses as a FormDefinition', () => {
    expect(() => z.parse(FormDefinition, form)).not.toThrow();
    expect(form.version).toBe(1);
  });

  it('names each field once', () => {
    const names = located.map(({ field }) => field.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('tests only fields that come earlier, with values those fields can take', () => {
    const problems: string[] = [];
    const check = (owner: string, when: VisibleWhen | undefined, position: number) => {
      for (const condition of conditionsOf(when)) {
        const target = located.find(({ field }) => field.name === condition.field);
        if (!target) {
          problems.push(`${owner}: ${condition.field} does not exist`);
          continue;
        }
        if (target.index >= position)
          problems.push(`${owner}: ${condition.field} does not come before it`);
        if (target.field.type === 'file')
          problems.push(`${owner}: tests the file field ${condition.field}`);
        const hasValue = condition.value !== undefined;
        if ((condition.operator === 'filled' || condition.operator === 'empty') && hasValue) {
          problems.push(`${owner}: ${condition.operator} takes no value`);
        }
        if (condition.operator !== 'filled' && condition.operator !== 'empty' && !hasValue) {
          problems.push(`${owner}: ${condition.operator} needs a value`);
        }
        if (
          condition.operator === 'in' &&
          (!Array.isArray(condition.value) || condition.value.length === 0)
        ) {
          problems.push(`${owner}: in needs a non-empty list`);
        }
        const options = target.field.options?.map((option) => option.value);
        const tested = Array.isArray(condition.value) ? condition.value : [condition.value];
        if (hasValue && options) {
          for (const value of tested) {
            if (!options.includes(String(value)) || typeof value !== 'string') {
              problems.push(`${owner}: ${condition.field} has no option ${JSON.stringify(value)}`);
            }
          }
        }
        if (hasValue && target.field.type === 'checkbox' && !target.field.multiple) {
          if (tested.some((value) => typeof value !== 'boolean')) {
            problems.push(`${owner}: the checkbox ${condition.field} is true or false`);
          }
        }
      }
    };
    for (const section of form.sections) {
      const first = located.find(({ field }) => field === section.fields[0]);
      check(`section ${section.id}`, section.visibleWhen, first?.index ?? 0);
    }
    for (const { field, index } of located) check(field.name, field.visibleWhen, index);
    expect(problems).toEqual([]);
  });

  it('offers at least two distinct options in every choice', () => {
    const problems: string[] = [];
    for (const { field } of located) {
      const needsOptions =
        field.type === 'select' ||
        field.type === 'radio' ||
        (field.type === 'checkbox' && field.multiple);
      const values = field.options?.map((option) => option.value) ?? [];
      if (needsOptions && values.length < 2) problems.push(`${field.name}: fewer than two options`);
      if (!needsOptions && field.options)
        problems.push(`${field.name}: a ${field.type} field has options`);
      if (new Set(values).size !== values.length)
        problems.push(`${field.name}: repeated option value`);
    }
    expect(problems).toEqual([]);
  });

  it('gives each property only to the field types that use it', () => {
    const problems: string[] = [];
    for (const { field } of located) {
      if ((field.documentCode ?? field.maxFiles) !== undefined && field.type !== 'file')
        problems.push(field.name);
      if ((field.min ?? field.max) !== undefined && field.type !== 'number')
        problems.push(field.name);
      if ((field.minDate ?? field.maxDate) !== undefined && field.type !== 'date')
        problems.push(field.name);
      if (field.multiple !== undefined && field.type !== 'checkbox') problems.push(field.name);
      if (field.pattern !== undefined && field.type !== 'text') problems.push(field.name);
    }
    expect(problems).toEqual([]);
  });

  it('can show every field, so every required field can be answered', () => {
    const problems: string[] = [];
    for (const { field, sectionWhen } of located) {
      if (conditionsOf(field.visibleWhen).some((condition) => condition.field === field.name)) {
        problems.push(`${field.name}: hidden by a condition on itself`);
        continue;
      }
      try {
        const data = witnessFor(form, field.name);
        if (!isVisible(sectionWhen, data) || !isVisible(field.visibleWhen, data)) {
          problems.push(`${field.name}: not shown even when its conditions hold`);
        }
      } catch (error) {
        problems.push(String(error));
      }
    }
    expect(problems).toEqual([]);
  });

  it('asks browsers to fill in contact details', () => {
    for (const { field } of located) {
      if (field.type === 'phone') expect(field.autocomplete, field.name).toBe('tel');
      if (field.type === 'email') expect(field.autocomplete, field.name).toBe('email');
    }
  });

  it('names each required document once', () => {
    const codes = located.flatMap(({ field }) => (field.documentCode ? [field.documentCode] : []));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('formDefinitions', () => {
  it('has one form per id and per procedure code', () => {
    const ids = formDefinitions.map((form) => form.id);
    const codes = formDefinitions.flatMap((form) => form.procedureCodes ?? []);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('matches the two documents of procedure 1.013133 in order', () => {
    const files = fieldsOf(militaryServiceFirstRegistrationForm)
      .map(({ field }) => field)
      .filter((field) => field.type === 'file');
    expect(files.map((field) => field.documentCode)).toEqual(['doc-1', 'doc-2']);
    // The health self-declaration is an original the procedure always needs; the ID copy is not
    // needed when the population database answers.
    expect(files.map((field) => field.required ?? false)).toEqual([true, false]);
  });

  it('hides every father field but the question when no father is declared', () => {
    const form: FormDefinition = birthRegistrationForm;
    const father = form.sections.find((section) => section.id === 'father');
    const answers = { fatherDeclared: 'no', fatherEthnicity: 'other', parentsMarried: 'yes' };
    const shown = father?.fields
      .filter((field) => isVisible(field.visibleWhen, answers))
      .map((field) => field.name);
    expect(shown).toEqual(['fatherDeclared']);
  });
});

describe('formForProcedure', () => {
  it('returns the form authored for a procedure', () => {
    expect(formForProcedure('1.013133')).toBe(militaryServiceFirstRegistrationForm);
    expect(formForProcedure(' 1.001193 ')).toBe(birthRegistrationForm);
  });

  it('falls back to the generic form for any other code', () => {
    expect(formForProcedure('9.999999')).toBe(genericApplicationForm);
    expect(formForProcedure('')).toBe(genericApplicationForm);
  });
});

describe('exampleAnswers', () => {
  it('fills every authored form so that validateFormData accepts it', async () => {
    const { validateFormData } = await import('../src/index.js');
    const { exampleAnswers, formDefinitions } = await import('../src/forms/definitions/index.js');
    for (const form of formDefinitions) {
      const files = { '*': ['a1'] } as Record<string, string[]>;
      for (const section of form.sections) {
        for (const field of section.fields)
          if (field.documentCode) files[field.documentCode] = ['a2'];
      }
      const result = validateFormData(form, exampleAnswers(form, files), { today: '2026-02-13' });
      expect(result.ok, `${form.id}: ${JSON.stringify(!result.ok && result.errors)}`).toBe(true);
    }
  });
});
