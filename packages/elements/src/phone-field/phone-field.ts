import { type PhoneKind, validatePhone } from '@egov-kit/schema/rules';
import { property } from 'lit/decorators.js';
import { domainMessage } from '../base/localization.js';
import type { ValidityProblem } from '../internal/form-control.js';
import { TextInput } from '../internal/text-input.js';
import { phoneFieldStyles } from './phone-field.styles.js';

/**
 * @summary A Vietnamese telephone number, checked as `validatePhone` checks it on the server, with
 * the same messages — including the new form of a number renumbered in 2017–2018.
 *
 * People may write `0912 345 678`, `+84 912 345 678` or `0084…`, with spaces, dots or dashes;
 * the form gets the national form (`0912345678`), and the field shows it so once the person
 * leaves it.
 *
 * @csspart base - The wrapper around label, hint, error and input.
 * @csspart label - The `<label>`.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart input - The native `<input type="tel">`.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-hint - Hint colour.
 * @cssprop --egov-color-error - Error message and error border colour.
 * @cssprop --egov-color-border - Input border colour.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-field-gap - Space below the field.
 * @cssprop --egov-field-max-width - Maximum width of the input (16rem).
 *
 * @event input - When the person types; `value` is already updated.
 * @event change - When the person leaves the field after a change; `value` is normalised.
 */
export class EgovPhoneField extends TextInput {
  static override styles = phoneFieldStyles;

  /** Which numbers are accepted: `mobile`, `landline`, or both (`any`, the default). */
  @property() kind: PhoneKind | 'any' = 'any';

  constructor() {
    super();
    this.autocomplete = 'tel';
  }

  protected override get inputType() {
    return 'tel';
  }

  /** The national form (`0912345678`) when the number is valid, `undefined` otherwise. */
  get normalizedValue(): string | undefined {
    const result = validatePhone(this.value, { kind: this.kind });
    return result.ok ? result.value.national : undefined;
  }

  protected override validate(): ValidityProblem | null {
    if (this.value.trim() === '') return null;
    const result = validatePhone(this.value, { kind: this.kind });
    if (result.ok) return null;
    // The schema's words, under an id a site can override (`phone-field.<code>`).
    const message = domainMessage(`phone-field.${result.code}`, result.message);
    return { flags: { patternMismatch: true }, message };
  }

  protected override formValue() {
    return this.normalizedValue ?? this.value;
  }

  protected override onChange() {
    const normalized = this.normalizedValue;
    if (normalized !== undefined) this.value = normalized;
    super.onChange();
  }
}
