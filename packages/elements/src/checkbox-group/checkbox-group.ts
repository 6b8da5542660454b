import { html } from 'lit';
import { property, queryAll } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localeOf } from '../base/localization.js';
import { ChoiceControl, choiceLabel } from '../internal/choice-control.js';
import type { FormValue } from '../internal/form-control.js';
import { listFormValue } from '../internal/list-value.js';
import { checkboxGroupStyles } from './checkbox-group.styles.js';

/** The `value` attribute is a comma-separated list: `value="email,sms"`. */
const listConverter = {
  fromAttribute: (value: string | null): string[] =>
    value
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : [],
  toAttribute: (value: readonly string[]): string => value.join(','),
};

/**
 * @summary Several choices among a few ("select all that apply"), as checkboxes in a
 * `<fieldset>` whose `<legend>` is the question, that takes part in forms like native checkboxes
 * of one name.
 *
 * `value` is the list of ticked values, in the order of the choices; the form gets one entry per
 * ticked value under the group's name, as a `<select multiple>` gives. The `value` attribute sets
 * the initially ticked ones, separated by commas. `required` means at least one.
 *
 * @slot - `<option>` elements, when the choices are not given through `options`.
 *
 * @csspart base - The `<fieldset>`.
 * @csspart label - The `<legend>`: the question.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart choices - The wrapper around the checkboxes.
 * @csspart checkbox - Each native checkbox `<input>`.
 * @csspart choice-label - Each checkbox's `<label>`.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-hint - Hint colour.
 * @cssprop --egov-color-error - Error message and error marker colour.
 * @cssprop --egov-color-accent - The colour of a ticked box.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-field-gap - Space below the field.
 *
 * @event input - When the person ticks or unticks a choice; `value` is already updated.
 * @event change - When the person ticks or unticks a choice.
 */
export class EgovCheckboxGroup extends ChoiceControl<readonly string[]> {
  static override styles = checkboxGroupStyles;

  /** The values ticked initially, and again after a form reset (`value="a,b"`). */
  @property({ attribute: 'value', converter: listConverter })
  override defaultValue!: readonly string[];

  @queryAll('input') private boxes!: NodeListOf<HTMLInputElement>;

  protected override emptyValue(): readonly string[] {
    return [];
  }

  protected override formValue(): FormValue {
    return listFormValue(this.name, this.value);
  }

  protected override restoreValue(state: string | File | FormData) {
    if (state instanceof FormData) this.value = state.getAll(this.name) as string[];
  }

  protected get focusTarget() {
    return Array.from(this.boxes ?? []).find((box) => !box.disabled);
  }

  override render() {
    const error = this.visibleError;
    const locale = localeOf(this);
    return html`
      <fieldset
        part="base"
        class="field ${error ? 'has-error' : ''}"
        aria-describedby=${ifDefined(this.describedBy(error))}
      >
        <legend part="label">${this.renderLabelText()}</legend>
        ${this.renderHint()} ${this.renderError(error)}
        <div part="choices" class="choices">
          ${this.choices.map(
            (option, index) => html`<div class="choice">
              <input
                part="checkbox"
                type="checkbox"
                id="choice-${index}"
                .value=${option.value}
                .checked=${live(this.value.includes(option.value))}
                ?disabled=${this.isDisabled || option.disabled}
                aria-readonly=${ifDefined(this.readonly ? 'true' : undefined)}
                aria-invalid=${error ? 'true' : 'false'}
                @click=${this.onClick}
                @input=${this.onInput}
                @change=${this.handleUserChange}
              />
              <label part="choice-label" for="choice-${index}">${choiceLabel(option, locale)}</label>
            </div>`,
          )}
        </div>
        ${this.renderOptionSlot()}
      </fieldset>
    `;
  }

  // A native checkbox has no read-only state: refuse the click (Space is a click too).
  private onClick(event: Event) {
    if (this.readonly) event.preventDefault();
  }

  private onInput() {
    const ticked = new Set(
      Array.from(this.boxes, (box) => (box.checked ? box.value : '')).filter(Boolean),
    );
    this.handleUserInput(
      this.choices.map((option) => option.value).filter((value) => ticked.has(value)),
    );
  }
}
