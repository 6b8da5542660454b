import type { FieldDefinition, FormDefinition, validateFormData } from '@egov-kit/schema';
import { domainMessage, translate } from '../base/localization.js';
import type { ServerFieldError } from './dossier-form.js';

/** What a check of the form reads: the answers, and the messages already known. */
export interface CheckInput {
  readonly definition: FormDefinition;
  readonly data: Readonly<Record<string, unknown>>;
  readonly locale: string;
  /** validateFormData, once it has arrived (it is fetched in the background). */
  readonly validate: typeof validateFormData | undefined;
  /** Every field its conditions show. */
  readonly visible: readonly FieldDefinition[];
  /** The fields whose errors are asked for: a step's, or all the visible ones. */
  readonly checked: readonly FieldDefinition[];
  /** The server's messages, and the controls' own, by field name. */
  readonly server: Readonly<Record<string, string>>;
  readonly own: Readonly<Record<string, string>>;
}

/**
 * Checks the answers: for each field asked about, the server's message first, then
 * validateFormData's, then the control's own (what the data cannot show: a date half typed, an
 * upload running). Until validateFormData has arrived, only the controls' own checks count —
 * the server checks again in any case. Also gives the data as validateFormData cleans it, with
 * uploads as they are (ids, or `File`s without an uploader).
 */
export function checkAnswers(input: CheckInput): {
  errors: Record<string, string>;
  data: Record<string, unknown>;
} {
  const { definition, validate, visible } = input;
  const answers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input.data)) {
    // validateFormData knows uploads by id; a File (no uploader) stands for itself by name.
    answers[name] = Array.isArray(value)
      ? value.map((item) => (item instanceof File ? item.name : item))
      : value;
  }
  const result = validate?.(definition, answers, { locale: 'vi' }) ?? {
    ok: true,
    value: Object.fromEntries(visible.map((field) => [field.name, answers[field.name]])),
  };
  const schema: Record<string, string> = {};
  if (!result.ok) {
    // validateFormData speaks Vietnamese and English: its words are asked for in both and
    // shown through the localisation layer (`form-rule.<code>`), so that a site can override
    // them and an added locale falls back to English like every other message.
    const english = validate?.(definition, answers, { locale: 'en' });
    const en = new Map<string, string>();
    if (english && !english.ok)
      for (const error of english.errors) en.set(error.path, error.message);
    for (const error of result.errors) {
      const text = { vi: error.message, en: en.get(error.path) ?? error.message };
      const message = domainMessage(`form-rule.${error.code ?? 'invalid'}`, text);
      schema[error.path] ??= translate(message, input.locale);
    }
  }
  const errors: Record<string, string> = {};
  for (const field of input.checked) {
    const message = input.server[field.name] || schema[field.name] || input.own[field.name];
    if (message) errors[field.name] = message;
  }
  const data: Record<string, unknown> = { ...result.value };
  for (const field of visible) {
    if (field.type === 'file' && field.name in data) data[field.name] = input.data[field.name];
  }
  return { errors, data };
}

/**
 * The server's errors by the field they belong to (`formData.<name>`, or `documents.<code>`
 * for an upload field's required document), and those of no field.
 */
export function serverErrorsByField(
  definition: FormDefinition | undefined,
  errors: readonly ServerFieldError[],
): { byField: Record<string, string>; extra: string[] } {
  const fields = definition?.sections.flatMap((section) => section.fields) ?? [];
  const names = new Set(fields.map((field) => field.name));
  const byDocument = new Map<string, string>(
    fields.flatMap((field) =>
      field.type === 'file' && field.documentCode
        ? [[`documents.${field.documentCode}`, field.name] as const]
        : [],
    ),
  );
  const byField: Record<string, string> = {};
  const extra: string[] = [];
  for (const error of errors) {
    const name = byDocument.get(error.path) ?? error.path.replace(/^formData\./, '');
    if (names.has(name)) byField[name] ??= error.message;
    else extra.push(error.message);
  }
  return { byField, extra };
}
