import type { LocalizedText } from '@egov-kit/schema';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localeOf } from './locale.js';
import { messages } from './messages.js';

/** What a control's own checks found: the failed constraint and the message to show. */
export interface ValidityProblem {
  readonly flags: ValidityStateFlags;
  readonly message: LocalizedText;
}

/**
 * The base every egov form control extends: form association through `ElementInternals`, the
 * value/default-value split of native inputs, reset and state restore, disabled fieldsets,
 * constraint validation anchored to the inner control, and when to show an error.
 *
 * Errors follow the GOV.UK pattern: nothing is shown while a person is still typing a field for
 * the first time; a failed submit (the form fires `invalid`) or `reportValidity()` reveals the
 * message, which then updates on every input until the field is valid. A message set through
 * `error` (for example a field error returned by the server) shows at once and stays until the
 * value changes.
 *
 * Subclasses render the inner control, tell where it is (`focusTarget`) and may add checks
 * (`validate`).
 */
export abstract class FormControl extends LitElement {
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  protected readonly internals: ElementInternals;

  /** The name the value is submitted under. */
  @property({ reflect: true }) name = '';

  /** The visible label. Every control has one: a label is what a screen reader announces. */
  @property() label = '';

  /** Help shown under the label, tied to the control with `aria-describedby`. */
  @property() hint = '';

  /**
   * A message to show as this field's error regardless of its own checks, e.g. a field error
   * returned by the server. Cleared when the person changes the value.
   */
  @property() error = '';

  /** The value submitted with the form. */
  @property({ attribute: false }) value = '';

  /** The value the control starts with and returns to on form reset (the `value` attribute). */
  @property({ attribute: 'value' }) defaultValue = '';

  @property({ type: Boolean, reflect: true }) required = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Disabled by an ancestor `<fieldset disabled>`. */
  @state() protected formDisabled = false;

  /** Whether the current problem, if any, is shown to the person. */
  @state() protected errorShown = false;

  /** Set once the person has typed, so that an attribute change no longer moves the value. */
  private dirty = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.addEventListener('invalid', (event) => {
      // Our own message is on the page; the browser's bubble would repeat it in its language.
      // Cancelling the event also stops the browser from focusing the field, so do that here
      // for the first invalid control of the form, as a native submit would.
      event.preventDefault();
      this.errorShown = true;
      if (isFirstInvalid(this)) this.focus();
    });
  }

  /** The inner element that takes focus and anchors validation messages. */
  protected abstract get focusTarget(): HTMLElement | null | undefined;

  /** Checks beyond `required`; return the first problem or `null`. */
  protected validate(): ValidityProblem | null {
    return null;
  }

  /** The form this control belongs to, as for native controls. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Whether the control is disabled, by itself or by a disabled fieldset. */
  get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and, when invalid, shows the error and moves focus to the control. */
  reportValidity(): boolean {
    const valid = this.internals.reportValidity();
    if (!valid) this.focus();
    return valid;
  }

  /** The message to show now, in the element's language, or `''`. */
  protected get visibleError(): string {
    if (this.error) return this.error;
    return this.errorShown ? this.validationMessage : '';
  }

  /** Call from the subclass when the person changes the value. */
  protected handleUserInput(value: string): void {
    this.value = value;
    this.dirty = true;
    this.error = '';
  }

  /** Call from the subclass when the person commits a change; re-fires `change` out of the shadow root. */
  protected handleUserChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultValue') && !this.dirty) this.value = this.defaultValue;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('value')) this.internals.setFormValue(this.value, this.value);
    this.updateValidity();
  }

  private updateValidity(): void {
    if (this.readonly || this.isDisabled) {
      // Native controls that are read-only or disabled are barred from constraint validation.
      this.internals.setValidity({});
      return;
    }
    const locale = localeOf(this);
    const problem = this.error
      ? { flags: { customError: true }, message: { vi: this.error, en: this.error } }
      : (this.requiredProblem() ?? this.validate());
    if (problem) {
      this.internals.setValidity(
        problem.flags,
        problem.message[locale],
        this.focusTarget ?? undefined,
      );
    } else {
      this.internals.setValidity({});
    }
  }

  private requiredProblem(): ValidityProblem | null {
    if (!this.required || this.value.trim() !== '') return null;
    return { flags: { valueMissing: true }, message: requiredMessage(this.label) };
  }

  formResetCallback(): void {
    this.dirty = false;
    this.error = '';
    this.errorShown = false;
    this.value = this.defaultValue;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') {
      this.value = state;
      this.dirty = true;
    }
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }
}

function isFirstInvalid(control: FormControl): boolean {
  const form = control.form;
  if (!form) return true;
  const first = Array.from(form.elements).find(
    (element) => 'validity' in element && !(element as HTMLInputElement).validity.valid,
  );
  return first === control;
}

function requiredMessage(label: string): LocalizedText {
  return label ? messages.requiredNamed(label) : messages.required;
}
