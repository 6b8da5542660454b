import { html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Translatable } from '../base/localization.js';
import { FormControl, type FormValue } from '../internal/form-control.js';
import { messages } from '../internal/form-control.messages.js';
import { checkboxMessages } from './checkbox.messages.js';
import { checkboxStyles } from './checkbox.styles.js';

/**
 * @summary One yes/no tick box — a declaration, a consent, "same as above" — with a hint and an
 * error message, that takes part in forms like a native checkbox.
 *
 * As natively: `checked` is the state, the `checked` attribute the initial state, and `value`
 * (`on` by default) what is submitted when ticked; nothing is submitted when not. `required`
 * means it must be ticked.
 *
 * @csspart base - The wrapper around checkbox, label, hint and error.
 * @csspart label - The checkbox's `<label>`.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart checkbox - The native checkbox `<input>`.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-hint - Hint colour.
 * @cssprop --egov-color-error - Error message and error marker colour.
 * @cssprop --egov-color-accent - The colour of a ticked box.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-field-gap - Space below the field.
 *
 * @event input - When the person ticks or unticks; `checked` is already updated.
 * @event change - When the person ticks or unticks.
 */
export class EgovCheckbox extends FormControl {
  static override styles = checkboxStyles;

  /** Whether the box is ticked now. */
  @property({ attribute: false }) checked = false;

  /** Whether the box starts ticked, and is again after a form reset (the `checked` attribute). */
  @property({ type: Boolean, attribute: 'checked' }) defaultChecked = false;

  @query('input') private checkbox?: HTMLInputElement | null;

  /** Set once the person ticks or unticks, as the native "dirty checkedness" flag. */
  private checkedDirty = false;

  constructor() {
    super();
    this.value = 'on';
    this.defaultValue = 'on';
  }

  protected get focusTarget() {
    return this.checkbox;
  }

  protected override get isEmpty() {
    return !this.checked;
  }

  protected override requiredMessage(): Translatable {
    return this.label ? checkboxMessages.tick(this.label) : messages.required;
  }

  protected override formValue(): FormValue {
    return this.checked ? this.value : null;
  }

  // Unticked is kept as '' rather than null: a null state is never handed back to restore.
  protected override formState(): FormValue {
    return this.checked ? this.value : '';
  }

  protected override restoreValue(state: string | File | FormData) {
    this.checked = state !== '';
    this.checkedDirty = true;
  }

  protected override resetValue() {
    this.checked = this.defaultChecked;
    this.checkedDirty = false;
  }

  override willUpdate(changed: PropertyValues<this>) {
    // The value is what is submitted, never typed: it always follows the attribute.
    if (changed.has('defaultValue')) this.value = this.defaultValue;
    // Once ticked by the person, the `checked` attribute stops counting, as natively.
    if (changed.has('defaultChecked') && !this.checkedDirty) this.checked = this.defaultChecked;
  }

  override render() {
    const error = this.visibleError;
    return html`
      <div part="base" class="field ${error ? 'has-error' : ''}">
        ${this.renderError(error)}
        <div class="choice">
          <input
            part="checkbox"
            type="checkbox"
            id="checkbox"
            .checked=${live(this.checked)}
            ?required=${this.required}
            ?disabled=${this.isDisabled}
            aria-readonly=${ifDefined(this.readonly ? 'true' : undefined)}
            aria-describedby=${ifDefined(this.describedBy(error))}
            aria-invalid=${error ? 'true' : 'false'}
            @click=${this.onClick}
            @input=${this.onInput}
            @change=${this.handleUserChange}
          />
          <label part="label" for="checkbox">${this.renderLabelText()}</label>
        </div>
        ${this.renderHint()}
      </div>
    `;
  }

  // A native checkbox has no read-only state: refuse the click (Space is a click too).
  private onClick(event: Event) {
    if (this.readonly) event.preventDefault();
  }

  private onInput(event: Event) {
    this.checked = (event.target as HTMLInputElement).checked;
    this.checkedDirty = true;
    this.error = '';
  }
}
