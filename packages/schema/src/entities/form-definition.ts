import * as z from 'zod/mini';
import { LocalizedTextSchema } from './common.js';

/** The kinds of field a form can hold; each maps to an `egov-*` element. */
export const FieldType = z
  .enum([
    'text',
    'textarea',
    'number',
    'date',
    'select',
    'radio',
    'checkbox',
    'citizen-id',
    'phone',
    'email',
    'address',
    'file',
  ])
  .check(z.describe('The kind of field; each is rendered by one egov-* element.'));
export type FieldType = z.infer<typeof FieldType>;

const FieldValue = z.union([z.string(), z.number(), z.boolean()]);

/** A test on another field's value, for showing a field or section only when it applies. */
export const Condition = z
  .object({
    field: z.string().check(z.describe('The name of the field tested.')),
    operator: z
      .enum(['equals', 'not_equals', 'in', 'filled', 'empty'])
      .check(z.describe('How the value is tested; filled/empty take no value.')),
    value: z.optional(
      z.union([FieldValue, z.array(FieldValue)]).check(z.describe('The value (a list for `in`).')),
    ),
  })
  .register(z.globalRegistry, { id: 'Condition', description: "A test on another field's value." });
export type Condition = z.infer<typeof Condition>;

/** When a field or section is shown: one condition, or all / any of several. */
export const VisibleWhen = z
  .union([
    Condition,
    z.object({ all: z.array(Condition).check(z.minLength(1)) }),
    z.object({ any: z.array(Condition).check(z.minLength(1)) }),
  ])
  .register(z.globalRegistry, {
    id: 'VisibleWhen',
    description: 'Shown only when this holds. A hidden field is neither required nor submitted.',
  });
export type VisibleWhen = z.infer<typeof VisibleWhen>;

/** A choice in a select, radio group or checkbox group. */
export const FieldOption = z
  .object({
    value: z.string().check(z.minLength(1), z.describe('The value submitted.')),
    label: LocalizedTextSchema,
  })
  .register(z.globalRegistry, {
    id: 'FieldOption',
    description: 'A choice of a select, radio or checkbox field.',
  });
export type FieldOption = z.infer<typeof FieldOption>;

/** A date bound: a fixed date or relative to the day the form is filled in. */
const DateBound = z
  .union([z.iso.date(), z.enum(['today'])])
  .check(z.describe('A date YYYY-MM-DD, or "today".'));

/** One field of a form. */
export const FieldDefinition = z
  .object({
    name: z
      .string()
      .check(
        z.regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
        z.describe('The key of the value in formData; letters, digits and _.'),
      ),
    type: FieldType,
    label: LocalizedTextSchema,
    hint: z.optional(LocalizedTextSchema),
    required: z.optional(
      z.boolean().check(z.describe('Whether a value is needed; false by default.')),
    ),
    options: z.optional(
      z.array(FieldOption).check(z.describe('The choices of select, radio and checkbox fields.')),
    ),
    multiple: z.optional(
      z
        .boolean()
        .check(z.describe('checkbox: several choices (an array of values) instead of one yes/no.')),
    ),
    minLength: z.optional(z.int().check(z.nonnegative())),
    maxLength: z.optional(z.int().check(z.positive())),
    pattern: z.optional(
      z.string().check(z.describe('A regular expression the whole value must match.')),
    ),
    patternMessage: z.optional(LocalizedTextSchema),
    min: z.optional(z.number().check(z.describe('number: smallest value.'))),
    max: z.optional(z.number().check(z.describe('number: largest value.'))),
    minDate: z.optional(DateBound),
    maxDate: z.optional(DateBound),
    documentCode: z.optional(
      z
        .string()
        .check(
          z.describe('file: the RequiredDocument of the procedure case this upload satisfies.'),
        ),
    ),
    maxFiles: z.optional(z.int().check(z.positive(), z.describe('file: how many files at most.'))),
    autocomplete: z.optional(
      z.string().check(z.describe('A browser autofill hint, e.g. name, tel.')),
    ),
    visibleWhen: z.optional(VisibleWhen),
  })
  .register(z.globalRegistry, {
    id: 'FieldDefinition',
    description: 'One field of an application form.',
  });
export type FieldDefinition = z.infer<typeof FieldDefinition>;

/** A group of fields, shown together (or as one step of a multi-step form). */
export const FormSection = z
  .object({
    id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/), z.describe('Stable id, kebab-case.')),
    title: LocalizedTextSchema,
    description: z.optional(LocalizedTextSchema),
    fields: z.array(FieldDefinition).check(z.minLength(1)),
    visibleWhen: z.optional(VisibleWhen),
  })
  .register(z.globalRegistry, {
    id: 'FormSection',
    description: 'A group of fields; a step in a multi-step form.',
  });
export type FormSection = z.infer<typeof FormSection>;

/**
 * An application form (tờ khai) as data. One definition drives the rendered form, the browser's
 * validation and the server's (see `formDataSchema`).
 */
export const FormDefinition = z
  .object({
    id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/), z.describe('Stable id, kebab-case.')),
    version: z.int().check(z.positive(), z.describe('Raised on every change; dossiers record it.')),
    title: LocalizedTextSchema,
    procedureCodes: z.optional(
      z.array(z.string()).check(z.describe('The procedures this form is authored for.')),
    ),
    sections: z.array(FormSection).check(z.minLength(1)),
  })
  .register(z.globalRegistry, {
    id: 'FormDefinition',
    description: 'An application form as data: sections of fields with conditions.',
  });
export type FormDefinition = z.infer<typeof FormDefinition>;
