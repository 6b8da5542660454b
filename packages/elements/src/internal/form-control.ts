import { isEmptyValue } from '@egov-kit/schema/rules';
import {
  html,
  nothing,
  type PropertyDeclaration,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import { EgovElement } from '../base/egov-element.js';
import { localeOf, type Translatable, translate } from '../base/localization.js';
import { hasErrorSummary } from './error-summary-registry.js';
import { messages } from './form-control.messages.js';

/** What the control's own checks found: the failed constraint and the message to show. */
export interface ValidityProblem {
  readonly flags: ValidityStateFlags;
  readonly message: Translatable;
}

/** What `ElementInternals.setFormValue` takes: one entry, several (as FormData), or none. */
export type FormValue = string | File | FormData | null;

/**
 * The base every egov form control extends: form association through `ElementInternals`, the
 * value/default-value split of native inputs, reset and state restore, disabled fieldsets,
 * constraint validation anchored to the inner control, and when to show an error.
 *
 * `V` is the type of `value`: a string for most controls, a list for a checkbox group or a file
 * upload, an object for an address. A control whose value is not a string overrides
 * `emptyValue()`, `formValue()` and `restoreValue()`: a list goes into FormData as one entry per
 * item under the control's name, as a `<select multiple>` does (`listFormValue()` in
 * list-value.ts; here only what a string needs, which is what most controls pay for).
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
export abstract class FormControl<
  V = string,
  // biome-ignore lint/complexity/noBannedTypes: a control without events of its own has an empty map.
  Events extends object = {},
> extends EgovElement<Events> {
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = {
    ...EgovElement.shadowRootOptions,
    delegatesFocus: true,
  };

  // Without decorators, as in EgovElement (a subclass may use them or add its own `properties`).
  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    label: {},
    hint: {},
    error: {},
    value: { attribute: false },
    defaultValue: { attribute: 'value' },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    readonly: { type: Boolean, reflect: true },
    formDisabled: { state: true },
    errorShown: { state: true },
  };

  protected readonly internals: ElementInternals;

  /** The name the value is submitted under. */
  name = '';

  /** The visible label. Every control has one: a label is what a screen reader announces. */
  label = '';

  /** Help shown under the label, tied to the control with `aria-describedby`. */
  hint = '';

  /**
   * A message to show as this field's error regardless of its own checks, e.g. a field error
   * returned by the server. Cleared when the person changes the value.
   */
  error = '';

  /** The value submitted with the form. */
  value: V;

  /** The value the control starts with and returns to on form reset (the `value` attribute). */
  defaultValue: V;

  required = false;
  disabled = false;
  readonly = false;

  /** Disabled by an ancestor `<fieldset disabled>`. */
  protected formDisabled = false;

  /** Whether the current problem, if any, is shown to the person. */
  protected errorShown = false;

  /**
   * Set once the value is changed — by the person, or by a script setting `value` — so that the
   * `value` attribute no longer moves it: the native "dirty value flag".
   */
  protected dirty = false;

  /** True while the value follows `defaultValue`, which must not make it dirty. */
  private followingDefault = false;

  constructor() {
    super();
    this.value = this.emptyValue();
    this.defaultValue = this.emptyValue();
    this.dirty = false;
    this.internals = this.attachInternals();
    this.addEventListener('invalid', (event) => {
      // Our own message is on the page; the browser's bubble would repeat it in its language.
      // Cancelling the event also stops the browser from focusing the field, so do that here
      // for the first invalid control of the form, as a native submit would — unless an error
      // summary lists the errors: then the summary takes the focus (GOV.UK pattern).
      event.preventDefault();
      this.errorShown = true;
      if (isFirstInvalid(this) && !hasErrorSummary(this.form)) this.focus();
    });
  }

  /** The inner element that takes focus and anchors validation messages. */
  protected abstract get focusTarget(): HTMLElement | null | undefined;

  /**
   * What the control holds when nothing is typed or chosen. `''` suits string values, the
   * default `V`; a control with another kind of value overrides this.
   */
  protected emptyValue(): V {
    return '' as V;
  }

  /** Checks beyond `required`; return the first problem or `null`. */
  protected validate(): ValidityProblem | null {
    return null;
  }

  /** Whether `required` counts the control as not filled in. */
  protected get isEmpty(): boolean {
    return isEmptyValue(this.value);
  }

  /** The message for a missing required value. Choice controls say "select", uploads "upload". */
  protected requiredMessage(): Translatable {
    return this.label ? messages.requiredNamed(this.label) : messages.required;
  }

  /** What goes into the form's data: the value as a string (a list control gives FormData). */
  protected formValue(): FormValue {
    const value: unknown = this.value;
    return value == null ? null : String(value);
  }

  /** What the browser keeps to restore the control after back/forward navigation. */
  protected formState(): FormValue {
    return this.formValue();
  }

  /** Takes back a state kept by the browser (see `formState()`). */
  protected restoreValue(state: string | File | FormData): void {
    this.value = state as V;
  }

  /** Returns the control to its initial state on form reset. */
  protected resetValue(): void {
    this.followDefault();
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

  /** Moves focus to the part of the control that needs attention (`focusTarget`). */
  override focus(options?: FocusOptions): void {
    const target = this.focusTarget;
    if (target) target.focus(options);
    else super.focus(options);
  }

  /**
   * What the control's own checks say of its value, in its language, or `''`: the `error` set
   * on it (by a form, from a server) left aside. The dossier form reads it to tell its own
   * messages from the control's.
   */
  get ownValidationMessage(): string {
    const problem = this.problem('');
    return problem ? translate(problem.message, localeOf(this)) : '';
  }

  /**
   * What is wrong with the value now, `error` (set from outside) first; `null` when nothing is,
   * or when the control is read-only or disabled, which bars it from constraint validation as it
   * does native controls.
   */
  private problem(error: string): ValidityProblem | null {
    if (this.readonly || this.isDisabled) return null;
    if (error) return { flags: { customError: true }, message: error };
    return this.required && this.isEmpty
      ? { flags: { valueMissing: true }, message: this.requiredMessage() }
      : this.validate();
  }

  /** The message to show now, in the element's language, or `''`. */
  protected get visibleError(): string {
    if (this.error) return this.error;
    return this.errorShown ? this.validationMessage : '';
  }

  /** Call from the subclass when the person changes the value. */
  protected handleUserInput(value: V): void {
    this.value = value;
    this.dirty = true;
    this.error = '';
  }

  /** Call from the subclass when the person commits a change; re-fires `change` out of the shadow root. */
  protected handleUserChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** The ids the inner control is described by: hint, error, and any the subclass adds. */
  protected describedBy(error: string, ...more: string[]): string | undefined {
    return (
      [this.hint ? 'hint' : '', error ? 'error' : '', ...more].filter(Boolean).join(' ') ||
      undefined
    );
  }

  /** The label's text and, when required, the visible mark (hidden from screen readers, which hear "required"). */
  protected renderLabelText() {
    return html`${this.label}${
      this.required ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing
    }`;
  }

  protected renderHint() {
    return this.hint ? html`<div part="hint" id="hint" class="hint">${this.hint}</div>` : nothing;
  }

  /** The error, with a hidden "Error:" so that a screen reader says what kind of text it is. */
  protected renderError(error: string) {
    return error
      ? html`<p part="error" id="error" class="error">
          <span class="visually-hidden">${translate(messages.errorPrefix, localeOf(this))}</span> ${error}
        </p>`
      : nothing;
  }

  override requestUpdate(
    name?: PropertyKey,
    oldValue?: unknown,
    options?: PropertyDeclaration,
  ): void {
    super.requestUpdate(name, oldValue, options);
    if (name === 'value' && !this.followingDefault) this.dirty = true;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultValue') && !this.dirty) this.followDefault();
  }

  private followDefault() {
    this.followingDefault = true;
    this.value = this.defaultValue;
    this.followingDefault = false;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.internals.setFormValue(this.formValue(), this.formState());
    const problem = this.problem(this.error);
    this.internals.setValidity(
      problem?.flags ?? {},
      problem ? translate(problem.message, localeOf(this)) : undefined,
      (problem && this.focusTarget) || undefined,
    );
  }

  formResetCallback(): void {
    this.dirty = false;
    this.error = '';
    this.errorShown = false;
    this.resetValue();
  }

  formStateRestoreCallback(
    state: string | File | FormData | null,
    _mode?: 'restore' | 'autocomplete',
  ): void {
    if (state === null) return;
    this.restoreValue(state);
    this.dirty = true;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }
}

function isFirstInvalid(control: HTMLElement & { form: HTMLFormElement | null }): boolean {
  const form = control.form;
  if (!form) return true;
  const first = Array.from(form.elements).find(
    (element) => 'validity' in element && !(element as HTMLInputElement).validity.valid,
  );
  return first === control;
}
