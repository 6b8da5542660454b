import type { LocalizedText } from '../i18n/localized-text.js';

/** A validator's answer: the normalised value and what it tells, or why the input is wrong. */
export type ValidationResult<Value, Code extends string> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly code: Code; readonly message: LocalizedText };
