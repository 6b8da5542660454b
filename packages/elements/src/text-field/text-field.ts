import { property } from 'lit/decorators.js';
import type { ValidityProblem } from '../internal/form-control.js';
import { textMessages as messages } from '../internal/form-control.messages.js';
import { TextInput } from '../internal/text-input.js';
import { textFieldStyles } from './text-field.styles.js';

/** The kinds of single-line text `egov-text-field` accepts. */
export type TextFieldType = 'text' | 'email' | 'tel' | 'url' | 'search' | 'number';

// Deliberately simple: one "@", something before it, a dot after it. Real checking is the
// mailbox's job; this catches the typos people actually make (missing "@", missing domain).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Canonical numbers only, as validateFormData reads them: "1.500" is 1500 to a Vietnamese
// reader and 1.5 to a program, so grouped text is refused rather than guessed.
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * @summary A single-line text field with a label, hint and error message, that takes part in
 * forms like a native input.
 *
 * `type="number"` renders a text input with a numeric keyboard, not `<input type="number">`,
 * whose spinners, scroll-wheel changes and silent refusal of "1,5" trip people up (the GOV.UK
 * advice); the value is checked as a number, within `min` and `max`, and stays a string.
 *
 * @csspart base - The wrapper around label, hint, error and input.
 * @csspart label - The `<label>`.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart input - The native `<input>`.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-hint - Hint and placeholder colour.
 * @cssprop --egov-color-error - Error message and error border colour.
 * @cssprop --egov-color-border - Input border colour.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-field-gap - Space below the field.
 * @cssprop --egov-field-max-width - Maximum width of the input.
 *
 * @event input - When the person types; `value` is already updated.
 * @event change - When the person commits a change (on blur or Enter), as a native input.
 */
export class EgovTextField extends TextInput {
  static override styles = textFieldStyles;

  /** The kind of text; `email` adds a format check, `number` a number check. */
  @property() type: TextFieldType = 'text';

  @property({ type: Number }) minlength?: number;
  @property({ type: Number }) maxlength?: number;

  /** `type="number"`: the smallest value allowed. */
  @property({ type: Number }) min?: number;

  /** `type="number"`: the largest value allowed. */
  @property({ type: Number }) max?: number;

  /** A regular expression the whole value must match, as the native `pattern` attribute. */
  @property() pattern?: string;

  /** The message shown when `pattern` does not match; a generic one otherwise. */
  @property({ attribute: 'pattern-message' }) patternMessage = '';

  protected override get inputType() {
    return this.type === 'number' ? 'text' : this.type;
  }

  protected override get inputMaxLength() {
    return this.maxlength;
  }

  protected override get keyboard() {
    return this.inputmode ?? (this.type === 'number' ? 'decimal' : undefined);
  }

  protected override validate(): ValidityProblem | null {
    const value = this.value;
    if (value === '') return null;
    if (this.type === 'email' && !EMAIL.test(value)) {
      return { flags: { typeMismatch: true }, message: messages.email };
    }
    if (this.type === 'number') return this.validateNumber(value.trim());
    if (this.minlength !== undefined && value.length < this.minlength) {
      return { flags: { tooShort: true }, message: messages.tooShort(this.minlength) };
    }
    if (this.maxlength !== undefined && value.length > this.maxlength) {
      return { flags: { tooLong: true }, message: messages.tooLong(this.maxlength) };
    }
    if (this.pattern && !matchesPattern(this.pattern, value)) {
      const message = this.patternMessage
        ? { vi: this.patternMessage, en: this.patternMessage }
        : messages.pattern;
      return { flags: { patternMismatch: true }, message };
    }
    return null;
  }

  private validateNumber(value: string): ValidityProblem | null {
    if (!NUMBER.test(value)) {
      return { flags: { badInput: true }, message: messages.notNumber(this.label) };
    }
    const number = Number(value);
    if (this.min !== undefined && number < this.min) {
      return {
        flags: { rangeUnderflow: true },
        message: messages.rangeUnderflow(this.label, this.min),
      };
    }
    if (this.max !== undefined && number > this.max) {
      return {
        flags: { rangeOverflow: true },
        message: messages.rangeOverflow(this.label, this.max),
      };
    }
    return null;
  }
}

/** As the native `pattern` attribute: whole-value match, `v` flag, an invalid pattern is ignored. */
function matchesPattern(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'v').test(value);
  } catch {
    return true;
  }
}
