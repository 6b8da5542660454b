import type { LocalizedText } from '../i18n/localized-text.js';

/** A validator's answer: the normalised value and what it tells, or why the input is wrong. */
export type ValidationResult<Value, Code extends string> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly code: Code; readonly message: LocalizedText };

/** A refusal: the code for programs and the message for people. */
export function refuse<const Code extends string>(code: Code, message: LocalizedText) {
  return { ok: false, code, message } as const;
}
