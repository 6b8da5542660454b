import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localeOf, translate } from '../base/localization.js';
import { FormControl, type ValidityProblem } from '../internal/form-control.js';
import { textMessages as messages } from '../internal/form-control.messages.js';
import { textareaMessages } from './textarea.messages.js';
import { textareaStyles } from './textarea.styles.js';

/** How long the count waits after the last keystroke before a screen reader hears it. */
const ANNOUNCE_DELAY_MS = 1000;

/**
 * @summary A multi-line text field with a label, hint, error message and, with `maxlength`, a
 * character count that screen readers hear politely, once the person pauses.
 *
 * Following the GOV.UK character count, the text is not cut at `maxlength`: a person pasting a
 * long answer sees how far over they are and decides what to remove, and the field is invalid
 * until they do.
 *
 * @csspart base - The wrapper around label, hint, error, textarea and count.
 * @csspart label - The `<label>`.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart textarea - The native `<textarea>`.
 * @csspart count - The characters left (or over), shown under the textarea.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-hint - Hint and count colour.
 * @cssprop --egov-color-error - Error message, error border and "too many" count colour.
 * @cssprop --egov-color-border - Textarea border colour.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-field-gap - Space below the field.
 * @cssprop --egov-field-max-width - Maximum width of the textarea.
 *
 * @event input - When the person types; `value` is already updated.
 * @event change - When the person commits a change (on blur), as a native textarea.
 */
export class EgovTextarea extends FormControl {
  static override styles = textareaStyles;

  /** Visible lines of text. */
  @property({ type: Number }) rows = 5;

  @property({ type: Number }) minlength?: number;

  /** The most characters allowed; shows the count. */
  @property({ type: Number }) maxlength?: number;

  /** A browser autofill hint. */
  @property() autocomplete?: string;

  /** The count a screen reader hears: updated only when typing pauses, so it does not interrupt. */
  @state() private announced = '';

  @query('textarea') private textarea?: HTMLTextAreaElement | null;

  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  protected get focusTarget() {
    return this.textarea;
  }

  protected override validate(): ValidityProblem | null {
    const length = this.value.length;
    if (length === 0) return null;
    if (this.minlength !== undefined && length < this.minlength) {
      return { flags: { tooShort: true }, message: messages.tooShort(this.minlength) };
    }
    if (this.maxlength !== undefined && length > this.maxlength) {
      return { flags: { tooLong: true }, message: messages.tooLong(this.maxlength) };
    }
    return null;
  }

  /** The count's text now, or `''` without `maxlength`. */
  private countText(): string {
    if (this.maxlength === undefined) return '';
    const left = this.maxlength - this.value.length;
    const text =
      left < 0 ? textareaMessages.charactersOver(-left) : textareaMessages.charactersLeft(left);
    return translate(text, localeOf(this));
  }

  override render() {
    const error = this.visibleError;
    const count = this.countText();
    const over = this.maxlength !== undefined && this.value.length > this.maxlength;
    return html`
      <div part="base" class="field ${error ? 'has-error' : ''}">
        <label part="label" for="textarea">${this.renderLabelText()}</label>
        ${this.renderHint()} ${this.renderError(error)}
        <textarea
          part="textarea"
          id="textarea"
          class="control"
          rows=${this.rows}
          .value=${live(this.value)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          autocomplete=${ifDefined(this.autocomplete as AutoFill | undefined)}
          aria-describedby=${ifDefined(this.describedBy(error, count ? 'limit' : ''))}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${this.onInput}
          @change=${this.handleUserChange}
        ></textarea>
        ${
          count
            ? html`<div part="count" class="count ${over ? 'over' : ''}" aria-hidden="true">${count}</div>
                <div id="limit" class="visually-hidden">
                  ${translate(textareaMessages.limit(this.maxlength ?? 0), localeOf(this))}
                </div>
                <div class="visually-hidden" aria-live="polite">${this.announced}</div>`
            : nothing
        }
      </div>
    `;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  private onInput(event: Event) {
    this.handleUserInput((event.target as HTMLTextAreaElement).value);
    if (this.maxlength === undefined) return;
    // Announcing every keystroke would talk over the person's own typing echo (GOV.UK pattern).
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announced = this.countText();
    }, ANNOUNCE_DELAY_MS);
  }
}
