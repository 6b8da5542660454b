import { validateCitizenId } from '@egov-kit/schema/rules';
import { domainMessage } from '../base/localization.js';
import type { ValidityProblem } from '../internal/form-control.js';
import { TextInput } from '../internal/text-input.js';
import { citizenIdFieldStyles } from './citizen-id-field.styles.js';

/**
 * @summary The 12-digit personal identification number (số định danh cá nhân, on the CCCD card),
 * checked as `validateCitizenId` checks it on the server, with the same messages.
 *
 * People may type spaces, dots or dashes between groups of digits; the form gets the twelve
 * digits alone, and the field shows them so once the person leaves it.
 *
 * @csspart base - The wrapper around label, hint, error and input.
 * @csspart label - The `<label>`.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart input - The native `<input>`.
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
export class EgovCitizenIdField extends TextInput {
  static override styles = citizenIdFieldStyles;

  protected override get keyboard() {
    return this.inputmode ?? 'numeric';
  }

  /** The twelve digits when the number is valid, `undefined` otherwise. */
  get normalizedValue(): string | undefined {
    const result = validateCitizenId(this.value);
    return result.ok ? result.value.number : undefined;
  }

  protected override validate(): ValidityProblem | null {
    if (this.value.trim() === '') return null;
    const result = validateCitizenId(this.value);
    if (result.ok) return null;
    // The schema's words, under an id a site can override (`citizen-id-field.<code>`).
    const message = domainMessage(`citizen-id-field.${result.code}`, result.message);
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
