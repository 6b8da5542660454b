import { html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FormControl } from './form-control.js';
import { submitOnEnter } from './submit-on-enter.js';

/**
 * The single-line input every text-like control shares — label, hint, error and one `<input>` —
 * so that `egov-text-field`, `egov-citizen-id-field` and `egov-phone-field` look and behave
 * alike and only their checks differ.
 */
export abstract class TextInput extends FormControl {
  /** A browser autofill hint, such as `name`, `email` or `tel`. */
  @property() autocomplete?: string;

  /** Shown inside the empty input. Never a substitute for the label or the hint. */
  @property() placeholder?: string;

  /** The on-screen keyboard to show on phones. */
  @property() inputmode?: string;

  @query('input') protected input?: HTMLInputElement | null;

  protected get focusTarget() {
    return this.input;
  }

  /** The native input's `type`. */
  protected get inputType(): string {
    return 'text';
  }

  /** The on-screen keyboard: `inputmode` when given, else the control's own choice. */
  protected get keyboard(): string | undefined {
    return this.inputmode;
  }

  /** The native `maxlength`, where the browser should stop the typing. */
  protected get inputMaxLength(): number | undefined {
    return undefined;
  }

  private onEnter = (event: KeyboardEvent) => submitOnEnter(event, this.form);

  override render() {
    const error = this.visibleError;
    return html`
      <div part="base" class="field ${error ? 'has-error' : ''}">
        <label part="label" for="input">${this.renderLabelText()}</label>
        ${this.renderHint()} ${this.renderError(error)}
        <input
          part="input"
          id="input"
          class="control"
          type=${this.inputType}
          .value=${live(this.value)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          autocomplete=${ifDefined(this.autocomplete as AutoFill | undefined)}
          placeholder=${ifDefined(this.placeholder)}
          inputmode=${ifDefined(this.keyboard)}
          maxlength=${ifDefined(this.inputMaxLength)}
          aria-describedby=${ifDefined(this.describedBy(error))}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${this.onInput}
          @change=${this.onChange}
          @keydown=${this.onEnter}
        />
      </div>
    `;
  }

  protected onInput(event: Event) {
    this.handleUserInput((event.target as HTMLInputElement).value);
  }

  protected onChange() {
    this.handleUserChange();
  }
}
