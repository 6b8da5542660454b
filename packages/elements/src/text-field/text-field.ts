import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FormControl, type ValidityProblem } from '../internal/form-control.js';
import { localeOf } from '../internal/locale.js';
import { messages } from '../internal/messages.js';
import { textFieldStyles } from './text-field.styles.js';

/** The kinds of single-line text `egov-text-field` accepts. */
export type TextFieldType = 'text' | 'email' | 'tel' | 'url' | 'search';

// Deliberately simple: one "@", something before it, a dot after it. Real checking is the
// mailbox's job; this catches the typos people actually make (missing "@", missing domain).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * @summary A single-line text field with a label, hint and error message, that takes part in
 * forms like a native input.
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
export class EgovTextField extends FormControl {
  static override styles = textFieldStyles;

  /** The kind of text; `email` adds a format check. */
  @property() type: TextFieldType = 'text';

  /** A browser autofill hint, such as `name`, `email` or `tel`. */
  @property() autocomplete?: string;

  /** Shown inside the empty input. Never a substitute for the label or the hint. */
  @property() placeholder?: string;

  /** The on-screen keyboard to show on phones. */
  @property() inputmode?: string;

  @property({ type: Number }) minlength?: number;
  @property({ type: Number }) maxlength?: number;

  /** A regular expression the whole value must match, as the native `pattern` attribute. */
  @property() pattern?: string;

  /** The message shown when `pattern` does not match; a generic one otherwise. */
  @property({ attribute: 'pattern-message' }) patternMessage = '';

  @query('input') private input?: HTMLInputElement | null;

  protected get focusTarget() {
    return this.input;
  }

  protected override validate(): ValidityProblem | null {
    const value = this.value;
    if (value === '') return null;
    if (this.type === 'email' && !EMAIL.test(value)) {
      return { flags: { typeMismatch: true }, message: messages.email };
    }
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

  override render() {
    const error = this.visibleError;
    const describedBy = [this.hint ? 'hint' : '', error ? 'error' : ''].filter(Boolean).join(' ');
    const prefix = messages.errorPrefix[localeOf(this)];
    return html`
      <div part="base" class="field ${error ? 'has-error' : ''}">
        <label part="label" for="input">
          ${this.label}${
            this.required ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing
          }
        </label>
        ${this.hint ? html`<div part="hint" id="hint" class="hint">${this.hint}</div>` : nothing}
        ${
          error
            ? html`<p part="error" id="error" class="error">
              <span class="visually-hidden">${prefix}</span> ${error}
            </p>`
            : nothing
        }
        <input
          part="input"
          id="input"
          class="control"
          type=${this.type}
          .value=${live(this.value)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          autocomplete=${ifDefined(this.autocomplete)}
          placeholder=${ifDefined(this.placeholder)}
          inputmode=${ifDefined(this.inputmode)}
          maxlength=${ifDefined(this.maxlength)}
          aria-describedby=${ifDefined(describedBy || undefined)}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${this.onInput}
          @change=${this.onChange}
        />
      </div>
    `;
  }

  private onInput(event: Event) {
    this.handleUserInput((event.target as HTMLInputElement).value);
  }

  private onChange() {
    this.handleUserChange();
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
