import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { EgovElement } from '../base/egov-element.js';
import { unwatchForm, watchForm } from '../internal/error-summary-registry.js';
import { summaryMessages } from './error-summary.messages.js';
import { errorSummaryStyles } from './error-summary.styles.js';

/** A control of a form, native or egov, as constraint validation sees it. */
type Validatable = HTMLElement & {
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
};

/** One line of the summary: the message, and the control it is about when there is one. */
export interface ErrorSummaryItem {
  readonly message: string;
  readonly control?: HTMLElement;
}

const isValidatable = (element: Element): element is Validatable =>
  'validity' in element && 'willValidate' in element;

/**
 * @summary The list of every error on a page after a failed submit, each a link to its field
 * (the GOV.UK error summary): it takes the focus, so a screen reader reads it at once, and it
 * shrinks as the person fixes the errors.
 *
 * It works from the form's own constraint validation — egov controls and native inputs alike:
 * when a submit fails (the form fires `invalid`), it lists the invalid controls with their
 * `validationMessage` and takes the focus in place of the first field; on every `input` or
 * `change` it re-reads the validity of those listed and drops the ones fixed. No timers: it
 * knows what the controls know.
 *
 * Place it above the form, inside it or outside it with `for="<form id>"`, or hand it the form
 * through the `form` property. `show()` lists and focuses on demand — with extra messages for
 * errors that belong to no field, such as a server's.
 *
 * @csspart base - The box, which takes the focus.
 * @csspart heading - The heading ("Có lỗi cần sửa" / "There is a problem").
 * @csspart list - The list of errors.
 * @csspart link - Each error's link to its field.
 *
 * @cssprop --egov-color-error - Border and link colour.
 * @cssprop --egov-color-focus - Focus outline and focused link background.
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-field-gap - Space below the summary.
 */
export class EgovErrorSummary extends EgovElement {
  static override styles = errorSummaryStyles;

  /** The id of the form to watch, when the summary is not inside it. */
  @property({ attribute: 'for' }) htmlFor = '';

  /** The heading; "Có lỗi cần sửa" / "There is a problem" by default. */
  @property() heading = '';

  /** The heading's level, to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The form watched: set it, or let `for` or the enclosing form decide. */
  @property({ attribute: false }) form: HTMLFormElement | null = null;

  /**
   * The errors listed now. `show()` fills it from the form's controls; a component that checks
   * the data itself (`egov-dossier-form`) may set it directly, then call `focus()`.
   */
  @property({ attribute: false }) items: readonly ErrorSummaryItem[] = [];

  @query('.summary') private box?: HTMLElement | null;

  private watched: HTMLFormElement | null = null;
  private pendingShow = false;

  override connectedCallback() {
    super.connectedCallback();
    this.watch();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unwatch();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('form') || changed.has('htmlFor')) this.watch();
    this.hidden = this.items.length === 0;
  }

  /**
   * Lists every invalid control of the form, and `extra` messages that belong to no control;
   * shows the summary and moves the focus to it. Hides it when there is nothing to list.
   */
  async show(extra: readonly string[] = []): Promise<void> {
    const controls = Array.from(this.watched?.elements ?? []).filter(isValidatable);
    this.items = [
      ...extra.map((message) => ({ message })),
      ...controls
        .filter((control) => control.willValidate && !control.validity.valid)
        .map((control) => ({ message: control.validationMessage, control })),
    ];
    await this.updateComplete;
    this.focus();
  }

  /** Moves the focus to the summary, so that a screen reader reads it (GOV.UK pattern). */
  override focus(options?: FocusOptions): void {
    if (this.box) this.box.focus(options);
    else super.focus(options);
  }

  /** Re-reads the listed controls: messages follow the values, fixed errors go. */
  refresh(): void {
    this.items = this.items.flatMap((item) => {
      const control = item.control;
      if (!control || !isValidatable(control)) return [item];
      return control.validity.valid ? [] : [{ message: control.validationMessage, control }];
    });
  }

  /** Empties and hides the summary. */
  clear(): void {
    this.items = [];
  }

  override render() {
    if (!this.items.length) return nothing;
    return html`
      <div part="base" class="summary" tabindex="-1" role="alert" aria-labelledby="heading">
        <div
          part="heading"
          id="heading"
          class="heading"
          role="heading"
          aria-level=${this.headingLevel}
        >
          ${this.heading || this.localize(summaryMessages.title)}
        </div>
        <ul part="list">
          ${this.items.map(
            (item) =>
              html`<li>
                ${
                  item.control
                    ? html`<a
                        part="link"
                        href="#${item.control.id}"
                        @click=${(event: Event) => this.go(event, item.control)}
                      >${item.message}</a>`
                    : item.message
                }
              </li>`,
          )}
        </ul>
      </div>
    `;
  }

  /** Follows a link: to the field itself, scrolled so that its label shows. */
  private go(event: Event, control: HTMLElement | undefined) {
    event.preventDefault();
    control?.scrollIntoView({ block: 'center' });
    control?.focus({ preventScroll: true });
  }

  private watch() {
    const root = this.getRootNode() as Document | ShadowRoot;
    const form =
      this.form ??
      (this.htmlFor ? (root.getElementById?.(this.htmlFor) as HTMLFormElement | null) : null) ??
      // No `closest` under Lit SSR: the form is found when the element connects in the browser.
      (typeof this.closest === 'function' ? this.closest('form') : null);
    if (form === this.watched) return;
    this.unwatch();
    if (!form || !this.isConnected) return;
    this.watched = form;
    watchForm(form);
    form.addEventListener('invalid', this.onInvalid, true);
    form.addEventListener('input', this.onInput);
    form.addEventListener('change', this.onInput);
    form.addEventListener('reset', this.onReset);
  }

  private unwatch() {
    const form = this.watched;
    if (!form) return;
    unwatchForm(form);
    form.removeEventListener('invalid', this.onInvalid, true);
    form.removeEventListener('input', this.onInput);
    form.removeEventListener('change', this.onInput);
    form.removeEventListener('reset', this.onReset);
    this.watched = null;
  }

  // A failed submit fires `invalid` once per invalid control, synchronously. Every control's
  // validity is already known at the first: list them all then, and ignore the rest.
  private onInvalid = () => {
    if (this.pendingShow) return;
    this.pendingShow = true;
    queueMicrotask(() => {
      this.pendingShow = false;
    });
    void this.show();
  };

  private onInput = async (event: Event) => {
    if (!this.items.length) return;
    // An egov control updates its validity when it renders: read it after that.
    await (event.target as { updateComplete?: Promise<unknown> }).updateComplete;
    this.refresh();
  };

  private onReset = () => {
    this.clear();
  };
}
