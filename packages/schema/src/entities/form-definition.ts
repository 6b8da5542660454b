import * as z from 'zod/mini';
import { described } from '../internal/described.js';
import { LocalizedTextSchema } from './common.js';

/** The kinds of field a form can hold; each maps to an `egov-*` element. */
export const FieldType = described(
  z.enum([
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
  ]),
  'The kind of field; each is rendered by one egov-* element.',
);
export type FieldType = z.infer<typeof FieldType>;

const FieldValue = z.union([z.string(), z.number(), z.boolean()]);

/** A test on another field's value, for showing a field or section only when it applies. */
export const Condition = z
  .object({
    field: described(z.string(), 'The name of the field tested.'),
    operator: described(
      z.enum(['equals', 'not_equals', 'in', 'filled', 'empty']),
      'How the value is tested; filled/empty take no value.',
    ),
    value: z.optional(
      described(z.union([FieldValue, z.array(FieldValue)]), 'The value (a list for `in`).'),
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
    value: described(z.string().check(z.minLength(1)), 'The value submitted.'),
    label: LocalizedTextSchema,
  })
  .register(z.globalRegistry, {
    id: 'FieldOption',
    description: 'A choice of a select, radio or checkbox field.',
  });
export type FieldOption = z.infer<typeof FieldOption>;

/** A date bound: a fixed date or relative to the day the form is filled in. */
const DateBound = described(
  z.union([z.iso.date(), z.enum(['today'])]),
  'A date YYYY-MM-DD, or "today".',
);

/** One field of a form. */
export const FieldDefinition = z
  .object({
    name: described(
      z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9_]*$/)),
      'The key of the value in formData; letters, digits and _.',
    ),
    type: FieldType,
    label: LocalizedTextSchema,
    hint: z.optional(LocalizedTextSchema),
    required: z.optional(described(z.boolean(), 'Whether a value is needed; false by default.')),
    options: z.optional(
      described(z.array(FieldOption), 'The choices of select, radio and checkbox fields.'),
    ),
    multiple: z.optional(
      described(
        z.boolean(),
        'checkbox: several choices (an array of values) instead of one yes/no.',
      ),
    ),
    minLength: z.optional(z.int().check(z.nonnegative())),
    maxLength: z.optional(z.int().check(z.positive())),
    pattern: z.optional(described(z.string(), 'A regular expression the whole value must match.')),
    patternMessage: z.optional(LocalizedTextSchema),
    min: z.optional(described(z.number(), 'number: smallest value.')),
    max: z.optional(described(z.number(), 'number: largest value.')),
    minDate: z.optional(DateBound),
    maxDate: z.optional(DateBound),
    documentCode: z.optional(
      described(
        z.string(),
        'file: the RequiredDocument of the procedure case this upload satisfies.',
      ),
    ),
    maxFiles: z.optional(described(z.int().check(z.positive()), 'file: how many files at most.')),
    autocomplete: z.optional(described(z.string(), 'A browser autofill hint, e.g. name, tel.')),
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
    id: described(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)), 'Stable id, kebab-case.'),
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
    id: described(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)), 'Stable id, kebab-case.'),
    version: described(z.int().check(z.positive()), 'Raised on every change; dossiers record it.'),
    title: LocalizedTextSchema,
    procedureCodes: z.optional(
      described(z.array(z.string()), 'The procedures this form is authored for.'),
    ),
    sections: z.array(FormSection).check(z.minLength(1)),
  })
  .register(z.globalRegistry, {
    id: 'FormDefinition',
    description: 'An application form as data: sections of fields with conditions.',
  });
export type FormDefinition = z.infer<typeof FormDefinition>;
