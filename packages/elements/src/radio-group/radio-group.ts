import { html } from 'lit';
import { property, queryAll } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localeOf } from '../base/localization.js';
import { ChoiceControl, choiceLabel } from '../internal/choice-control.js';
import { radioGroupStyles } from './radio-group.styles.js';

/**
 * @summary One choice among a few, as radio buttons in a `<fieldset>` whose `<legend>` is the
 * question, that takes part in forms like native radios.
 *
 * The radios are native, so the keyboard works as everywhere: Tab enters the group at the chosen
 * radio (or the first), the arrow keys move the choice, Space chooses.
 *
 * @slot - `<option>` elements, when the choices are not given through `options`.
 *
 * @csspart base - The `<fieldset>`.
 * @csspart label - The `<legend>`: the question.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart choices - The wrapper around the radios.
 * @csspart radio - Each native radio `<input>`.
 * @csspart choice-label - Each radio's `<label>`.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-hint - Hint colour.
 * @cssprop --egov-color-error - Error message and error marker colour.
 * @cssprop --egov-color-accent - The colour of a chosen radio.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-field-gap - Space below the field.
 *
 * @event input - When the person chooses; `value` is already updated.
 * @event change - When the person chooses.
 */
export class EgovRadioGroup extends ChoiceControl {
  static override styles = radioGroupStyles;

  /** Lays the choices out side by side, for two or three short ones such as Yes / No. */
  @property({ type: Boolean, reflect: true }) inline = false;

  @queryAll('input') private radios!: NodeListOf<HTMLInputElement>;

  /** The chosen radio, or the first: where Tab would land. */
  protected get focusTarget() {
    const radios = Array.from(this.radios ?? []);
    return radios.find((radio) => radio.checked) ?? radios.find((radio) => !radio.disabled);
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
        <div part="choices" class="choices ${this.inline ? 'inline' : ''}">
          ${this.choices.map(
            (option, index) => html`<div class="choice">
              <input
                part="radio"
                type="radio"
                id="choice-${index}"
                name=${this.name || 'choice'}
                .value=${option.value}
                .checked=${live(this.value === option.value)}
                ?required=${this.required}
                ?disabled=${this.isDisabled || option.disabled}
                aria-invalid=${error ? 'true' : 'false'}
                @click=${this.onClick}
                @keydown=${this.onKeyDown}
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

  // Native radios have no read-only state: refuse the click or the arrow key that would choose.
  private onClick(event: Event) {
    if (this.readonly) event.preventDefault();
  }

  private onKeyDown(event: KeyboardEvent) {
    if (this.readonly && event.key.startsWith('Arrow')) event.preventDefault();
  }

  private onInput(event: Event) {
    this.handleUserInput((event.target as HTMLInputElement).value);
  }
}
