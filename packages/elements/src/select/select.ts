import { html, type PropertyValues } from 'lit';
import { query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localeOf, translate } from '../base/localization.js';
import { ChoiceControl, choiceLabel } from '../internal/choice-control.js';
import { choiceMessages as messages } from '../internal/form-control.messages.js';
import { selectStyles } from './select.styles.js';

/**
 * @summary A drop-down list — the native `<select>`, whose picker phones already make easy —
 * with a label, hint and error message, that takes part in forms like a native select.
 *
 * Choices come from the `options` property or from `<option>` children. The list starts with
 * "— Chọn —" (no value), so that nobody submits the first choice by accident. With many choices
 * a person knows by heart (their province), a select is fine; with few, use `egov-radio-group`.
 *
 * @slot - `<option>` elements, when the choices are not given through `options`.
 *
 * @csspart base - The wrapper around label, hint, error and select.
 * @csspart label - The `<label>`.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart select - The native `<select>`.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-hint - Hint colour.
 * @cssprop --egov-color-error - Error message and error border colour.
 * @cssprop --egov-color-border - Select border colour.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-field-gap - Space below the field.
 * @cssprop --egov-field-max-width - Maximum width of the select.
 *
 * @event input - When the person picks a choice; `value` is already updated.
 * @event change - When the person picks a choice.
 */
export class EgovSelect extends ChoiceControl {
  static override styles = selectStyles;

  @query('select') private select?: HTMLSelectElement | null;

  protected get focusTarget() {
    return this.select;
  }

  override render() {
    const error = this.visibleError;
    const locale = localeOf(this);
    return html`
      <div part="base" class="field ${error ? 'has-error' : ''}">
        <label part="label" for="select">${this.renderLabelText()}</label>
        ${this.renderHint()} ${this.renderError(error)}
        <select
          part="select"
          id="select"
          class="control"
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          aria-readonly=${ifDefined(this.readonly ? 'true' : undefined)}
          aria-describedby=${ifDefined(this.describedBy(error))}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${this.onInput}
          @change=${this.onChange}
        >
          <option value="" ?selected=${this.value === ''}>${translate(messages.choose, locale)}</option>
          ${this.choices.map(
            (option) =>
              html`<option
                value=${option.value}
                ?disabled=${option.disabled}
                ?selected=${this.value === option.value}
              >${choiceLabel(option, locale)}</option>`,
          )}
        </select>
        ${this.renderOptionSlot()}
      </div>
    `;
  }

  override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    // The options render after the value is known: set it once they are there.
    if (this.select && this.select.value !== this.value) this.select.value = this.value;
  }

  private onInput(event: Event) {
    const select = event.target as HTMLSelectElement;
    // A native select has no read-only state: take the change back.
    if (this.readonly) select.value = this.value;
    else this.handleUserInput(select.value);
  }

  private onChange() {
    if (!this.readonly) this.handleUserChange();
  }
}
