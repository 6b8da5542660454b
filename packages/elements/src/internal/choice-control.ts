import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type Translatable, translate } from '../base/localization.js';
import { FormControl } from './form-control.js';
import { choiceMessages, messages } from './form-control.messages.js';

/**
 * One choice of a select, radio group or checkbox group. The label may be one string or a
 * `{ vi, en }` pair — a FormDefinition's `FieldOption` fits as it is.
 */
export interface ChoiceOption {
  readonly value: string;
  readonly label: string | Translatable;
  readonly disabled?: boolean;
}

/** The label of a choice in the element's language. */
export function choiceLabel(option: ChoiceOption, locale: string): string {
  return typeof option.label === 'string' ? option.label : translate(option.label, locale);
}

/**
 * The base of the controls that offer a list of choices. The choices come from the `options`
 * property, or — so that a page without a script of its own can write them — from `<option>`
 * children, as in a native `<select>`:
 *
 * ```html
 * <egov-radio-group name="sex" label="Giới tính">
 *   <option value="male">Nam</option>
 *   <option value="female">Nữ</option>
 * </egov-radio-group>
 * ```
 */
export abstract class ChoiceControl<V = string> extends FormControl<V> {
  /** The choices; when empty, the element's `<option>` children are used. */
  @property({ attribute: false }) options: readonly ChoiceOption[] = [];

  @state() private childOptions: readonly ChoiceOption[] = [];

  /** The choices on offer: `options`, or else the `<option>` children. */
  protected get choices(): readonly ChoiceOption[] {
    return this.options.length ? this.options : this.childOptions;
  }

  protected override requiredMessage(): Translatable {
    return this.label ? choiceMessages.chooseNamed(this.label) : messages.required;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readChildOptions();
  }

  /**
   * A hidden slot: it keeps the `<option>` children out of sight and out of the accessibility
   * tree, and tells when they change.
   */
  protected renderOptionSlot() {
    return html`<slot hidden @slotchange=${this.readChildOptions}></slot>`;
  }

  private readChildOptions() {
    this.childOptions = Array.from(
      this.querySelectorAll<HTMLOptionElement>(':scope > option'),
      (option) => ({
        value: option.value,
        label: option.textContent?.trim() ?? '',
        disabled: option.disabled,
      }),
    );
  }
}
