import type {
  Applicant,
  Dossier,
  FieldDefinition,
  FormDefinition,
  FormSection,
} from '@egov-kit/schema';
import { isVisible } from '@egov-kit/schema/rules';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { EgovElement, lazy } from '../base/egov-element.js';
import {
  intlLocale,
  type Translatable,
  translate,
  translationVersion,
} from '../base/localization.js';
import type { EgovErrorSummary, ErrorSummaryItem } from '../error-summary/error-summary.js';
import type { Uploader } from '../file-upload/file-upload.js';
import { checkAnswers, serverErrorsByField } from './checks.js';
import { formMessages } from './dossier-form.messages.js';
import { dossierFormStyles } from './dossier-form.styles.js';
import { DraftController } from './draft-controller.js';
import { draftKey } from './drafts.js';
import {
  answerOf,
  type FieldControl as Control,
  FIELD_PARTS,
  FIELD_RENDERERS,
  loadFieldElements,
} from './field-renderers.js';
import type { DossierFormClient } from './server-draft.js';
import type { SyncController, SyncForm } from './sync-controller.js';

/** A field error from the server: `path` is the field's name, with or without `formData.`. */
export interface ServerFieldError {
  readonly path: string;
  readonly message: string;
}

/** What `egov-submit` carries. */
export interface DossierSubmitDetail {
  /** The form's id. */
  readonly formId: string;
  /**
   * The answers as `validateFormData` cleans them — hidden fields dropped, IDs and phone numbers
   * normalised, numbers as numbers — with uploads as their ids (or `File`s without an uploader).
   */
  readonly data: Record<string, unknown>;
  /**
   * Hand over the sending: the form shows it is busy until the promise settles, then forgets
   * the draft if it resolves, or keeps it — and shows the field errors of a rejection that
   * carries `errors: [{ path, message }]` (an RFC 9457 problem) — if it rejects. Without it the
   * draft is forgotten as soon as the event has been handled.
   */
  waitFor(promise: Promise<unknown>): void;
}

/** What `egov-submitted` carries. */
export interface DossierSubmittedDetail {
  /** The dossier as the server returned it, submitted: its `code` and `verifier` are on the receipt. */
  readonly dossier: Dossier;
}

// Fetched once per page, when the first form connects: by the time a person submits, it is
// there; if it could not be fetched (offline), the next submit tries again.
const validation = lazy(() => import('./validation.js'));
const loadValidation = () => validation.load();
const noop = () => undefined;

const SUMMARY_PARTS = 'heading:summary-heading,list:summary-list,link:summary-link';

/**
 * The server half (the SyncController: pushes, conflicts, submitting through the client, their
 * words) is fetched when a form is given a client: a form without one never loads it.
 */
const syncModule = lazy(() => import('./sync.js'));

/** The events of `egov-dossier-form`, by name: their `detail`. */
export interface DossierFormEvents {
  'egov-submit': DossierSubmitDetail;
  'egov-submitted': DossierSubmittedDetail;
}

/**
 * @summary An application form (tờ khai) rendered from a `FormDefinition` of
 * `@egov-kit/schema`: the right egov control for each field, conditions applied as the person
 * answers, the same validation and messages as the server, an error summary, steps, and drafts
 * that survive a reload.
 *
 * Sections show on one page, or one at a time with `steps` (with a step indicator and Back /
 * Continue). A field or section whose `visibleWhen` does not hold is not shown, not checked and
 * not submitted, and reappears with its answer if the condition holds again.
 *
 * Submitting checks the answers with `validateFormData` — the function the server runs — and
 * each control's own checks (an unfinished date, an upload still running). On failure every
 * error shows on its field and in an `egov-error-summary` that takes the focus; the errors then
 * follow the answers as they are corrected. On success the form fires `egov-submit` with the
 * clean data; it sends nothing itself. Errors the server returns go on `serverErrors`.
 *
 * Every change is saved as a draft in IndexedDB, per form id and `user-key`; after a reload the
 * draft comes back with a notice and a way to discard it, and it is deleted after a successful
 * submit. Use `no-draft` where nothing may stay on the device (a kiosk without sign-in).
 *
 * Given a `client` (the page's `createClient()` of `@egov-kit/client`, or anything of the shape
 * `DossierFormClient`) and a `procedure-code`, the form works against the server too: the
 * first change creates a draft dossier there, later changes go to it 1.5 s after the person
 * stops typing (and when the step changes or the tab is hidden) with If-Match, uploads go to
 * it, and Submit submits it — with Idempotency-Keys kept in the local draft, so that neither a
 * retried create nor a retried submit ever makes two dossiers, even across a reload. When the
 * draft was changed elsewhere (another tab or device), the form says so and lets the person
 * choose which version to keep; it never overwrites silently. Offline, it says the answers are
 * saved on this device and syncs when the connection returns. On success it fires
 * `egov-submitted` with the dossier, shows its code and forgets the local draft.
 *
 * @csspart form - The native `<form>`.
 * @csspart summary - The error summary.
 * @csspart notice - The draft notice.
 * @csspart steps - The step indicator.
 * @csspart section - Each section.
 * @csspart actions - The buttons.
 * @csspart submit - The Submit (or Continue) button.
 * @csspart back - The Back button.
 * @csspart sync - With a client: how the server draft stands (saved, offline, an error).
 * @csspart conflict - With a client: the panel shown when the draft was changed elsewhere.
 * @csspart use-saved - Its "Use the saved version" button.
 * @csspart keep-mine - Its "Keep my answers" button.
 * @csspart problem - Why the last submit through the client failed.
 * @csspart field - Each inner field element (`egov-text-field`, `egov-select`, …).
 * @csspart field-base - An inner field's own parts, re-exported with a `field-` prefix: also
 *   `field-label`, `field-hint`, `field-error`, `field-input`, `field-textarea`, `field-select`,
 *   `field-choices`, `field-radio`, `field-checkbox`, `field-choice-label`, `field-day`,
 *   `field-month`, `field-year`, `field-dropzone`, `field-button`.
 * @csspart summary-heading - The error summary's heading (also `summary-list`, `summary-link`).
 *
 * @cssprop --egov-color-accent - Button and notice colour.
 * @cssprop --egov-color-on-accent - Text on the accent colour.
 * @cssprop --egov-color-notice - Notice background.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-color-hint - Descriptions and step indicator colour.
 * @cssprop --egov-color-error - The conflict panel's border and a failed submit's message.
 *
 * @event egov-submit - The answers passed every check (without a client); `detail`:
 * `{ formId, data, waitFor }`.
 * @event egov-submitted - With a client: the server accepted the dossier; `detail`: `{ dossier }`.
 */
export class EgovDossierForm extends EgovElement<DossierFormEvents> {
  static override styles = dossierFormStyles;

  /** The form to render. */
  @property({ attribute: false }) definition?: FormDefinition;

  /** The answers; set it to prefill the form (a draft, when restored, goes over it). */
  @property({ attribute: false }) data: Record<string, unknown> = {};

  /** One section at a time, with a step indicator, instead of all on one page. */
  @property({ type: Boolean, reflect: true }) steps = false;

  /** Who fills the form in, so that people sharing a device keep separate drafts. */
  @property({ attribute: 'user-key' }) userKey = '';

  /** Keeps nothing on the device: no draft is saved or restored. */
  @property({ type: Boolean, attribute: 'no-draft' }) noDraft = false;

  /** The text of the final button; "Gửi hồ sơ" / "Submit" by default. */
  @property({ attribute: 'submit-label' }) submitLabel = '';

  /** Sends the files of upload fields; without it they are submitted as `File` objects. */
  @property({ attribute: false }) uploader?: Uploader;

  /** Field errors returned by the server, shown on their fields until the answer changes. */
  @property({ attribute: false }) serverErrors: readonly ServerFieldError[] = [];

  /**
   * The API client (`createClient()` of `@egov-kit/client`): with `procedure-code`, the answers
   * sync to a server draft, uploads go to it, and Submit submits it.
   */
  @property({ attribute: false }) client?: DossierFormClient;

  /** The national code of the procedure applied for (e.g. `1.001193`); used with `client`. */
  @property({ attribute: 'procedure-code' }) procedureCode = '';

  /** Who applies, sent with the server draft (the server needs it before a submit). */
  @property({ attribute: false }) applicant?: Applicant;

  /** The section shown, in steps mode. */
  @state() private current = '';
  @state() private notice = '';
  /** A submit is under way: handed over with `waitFor`, or through the client. */
  @state() private busy = false;
  /** Why the last submit through the client failed. */
  @state() private submitProblem: Translatable | null = null;

  @query('egov-error-summary') private summary?: EgovErrorSummary | null;
  @query('.notice') private noticeBox?: HTMLElement | null;

  /** Whether errors follow the answers: after a failed submit, until the step changes. */
  private revealed = false;
  /** The locale and translations the shown errors were worded in. */
  private checkedIn = '';
  /** The controls' own problems, by field name, as of their last change. */
  private own: Record<string, string> = {};
  /** Server errors by field name, each until that answer changes; and those of no field. */
  private server: Record<string, string> = {};
  private serverExtra: readonly string[] = [];
  private prefill: Record<string, unknown> = {};
  private uploaders = new Map<string, Uploader>();

  /** The local draft: restored when a definition comes, written as the person answers. */
  private readonly drafts = new DraftController(this, {
    key: () =>
      this.definition && !this.noDraft ? draftKey(this.definition.id, this.userKey) : null,
    answers: () =>
      this.definition && !this.syncer?.submitted
        ? { data: this.data, version: this.definition.version }
        : null,
    restore: (data) => {
      this.data = { ...this.prefill, ...data };
    },
  });

  /** With a client: the server draft, once the sync module is in (see `syncing`). */
  private syncer?: SyncController;

  /** The form as the SyncController sees it. */
  private readonly syncForm: SyncForm = {
    fields: () => this.visibleFields(this.visibleSections),
    replaceAnswers: (formData) => {
      this.data = { ...this.prefill, ...formData };
      this.own = {};
      this.server = {};
      if (this.revealed) void this.showErrors(() => this.check(this.shownSections).errors, false);
    },
    announce: (message) => this.announce(message),
  };

  /** Resolves once the server half is there too (with a client), so a caller sees the whole. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.syncing || this.syncer) return done;
    await this.loadSyncer().catch(() => undefined);
    return super.getUpdateComplete();
  }

  private get visibleSections(): FormSection[] {
    return (this.definition?.sections ?? []).filter((section) =>
      isVisible(section.visibleWhen, this.data),
    );
  }

  /** The sections on screen: all visible ones, or the current step. */
  private get shownSections(): FormSection[] {
    const sections = this.visibleSections;
    if (!this.steps) return sections;
    return [sections.find((section) => section.id === this.current) ?? sections[0]].filter(
      (section): section is FormSection => section !== undefined,
    );
  }

  private visibleFields(sections: readonly FormSection[]): FieldDefinition[] {
    return sections.flatMap((section) =>
      section.fields.filter((field) => isVisible(field.visibleWhen, this.data)),
    );
  }

  private control(name: string): Control | null {
    return this.renderRoot.querySelector<Control>(`[name="${CSS.escape(name)}"]`);
  }

  override connectedCallback() {
    super.connectedCallback();
    loadValidation().catch(() => undefined);
  }

  override updated() {
    // The messages on the fields are words in the locale they were checked in: after a change
    // of language (or of a site's translations) shown errors are checked again, in the new one.
    const words = `${this.locale} ${translationVersion()}`;
    if (this.revealed && this.checkedIn && words !== this.checkedIn) {
      this.checkedIn = words;
      void this.readOwnChecks().then(() =>
        this.showErrors(() => this.check(this.shownSections).errors, false),
      );
    }
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('definition')) {
      this.current = '';
      this.revealed = false;
      this.submitProblem = null;
      this.syncer?.reset();
      void this.restoreDraft();
    }
    if (changed.has('data') && !this.drafts.loaded) this.prefill = this.data;
    if (changed.has('serverErrors') && this.serverErrors.length) this.takeServerErrors();
    if (changed.has('client') || changed.has('procedureCode')) {
      this.uploaders.clear();
      if (this.syncing) void this.loadSyncer().then((sync) => sync.resume(), noop);
    }
  }

  // ---- drafts

  private async restoreDraft() {
    // The fields' elements are fetched as the draft is read: the form shows when both are in.
    const elements = loadFieldElements(
      (this.definition?.sections ?? []).flatMap((section) => section.fields),
    )?.catch(noop);
    // Answers never sent (offline, or kept from before there was a client) are sent now.
    if ((await this.drafts.restore(elements)) && this.drafts.server.dirty) this.syncSoon(0);
  }

  /** Deletes the draft and starts again from the prefilled answers. */
  async discardDraft(): Promise<void> {
    this.data = { ...this.prefill };
    this.own = {};
    this.server = {};
    this.serverExtra = [];
    this.revealed = false;
    this.syncer?.reset();
    const discarded = this.drafts.discard();
    await this.showErrors({}, false);
    await discarded;
    await this.announce(formMessages.draftDiscarded);
  }

  /** Says `message` in the notice box and moves the focus there; a submit's problem is over. */
  private async announce(message: Translatable) {
    this.submitProblem = null;
    this.notice = translate(message, this.locale);
    await this.updateComplete;
    this.noticeBox?.focus();
  }

  // ---- answers

  private onInput = async (event: Event) => {
    const control = event.target as Control;
    const field = this.fieldNamed(control.name);
    if (!field) return;
    this.data = { ...this.data, [field.name]: answerOf(field, control) };
    delete this.server[field.name];
    this.serverExtra = [];
    this.notice = '';
    this.drafts.changed();
    this.syncer?.changed();
    // The control's last check was of the old value: forget it now, before awaiting, or a check
    // run for another field's input meanwhile (a burst of autofilled answers) shows it again.
    delete this.own[field.name];
    // The control shows its own check once it has rendered: read it then — its own, not the
    // `error` this form put on it, or an old message would read as the control's and refuse
    // the submit until the field is edited again.
    await control.updateComplete;
    this.own[field.name] = control.ownValidationMessage;
    if (this.revealed) this.showErrors(() => this.check(this.shownSections).errors, false);
  };

  private fieldNamed(name: string): FieldDefinition | undefined {
    for (const section of this.definition?.sections ?? []) {
      const field = section.fields.find((candidate) => candidate.name === name);
      if (field) return field;
    }
    return undefined;
  }

  // ---- checks

  /** Checks the answers; the errors of `sections`' fields (see `checkAnswers`). */
  private check(sections: readonly FormSection[]) {
    return checkAnswers({
      definition: this.definition as FormDefinition,
      data: this.data,
      locale: this.locale,
      validate: validation.value?.validateFormData,
      visible: this.visibleFields(this.visibleSections),
      checked: this.visibleFields(sections),
      server: this.server,
      own: this.own,
    });
  }

  /** Reads every shown control's own check afresh: its error set by us is cleared first. */
  private async readOwnChecks() {
    const controls = this.visibleFields(this.shownSections)
      .map((field) => this.control(field.name))
      .filter((control): control is Control => control !== null);
    for (const control of controls) control.error = '';
    await Promise.all(controls.map((control) => control.updateComplete));
    for (const control of controls) this.own[control.name] = control.ownValidationMessage;
  }

  /** Puts the messages on their fields and in the summary; focuses the summary on request. */
  /**
   * `errors` as a function is read after the wait for the render, so that what is shown is what
   * holds then: a burst of inputs starts many of these, and one that computed its errors
   * before the last answers came would otherwise put their old messages back.
   */
  private async showErrors(
    errorsOrCheck: Record<string, string> | (() => Record<string, string>),
    focus: boolean,
  ) {
    this.checkedIn = `${this.locale} ${translationVersion()}`;
    await this.updateComplete;
    const errors = typeof errorsOrCheck === 'function' ? errorsOrCheck() : errorsOrCheck;
    for (const field of this.visibleFields(this.shownSections)) {
      const control = this.control(field.name);
      if (control) control.error = errors[field.name] ?? '';
    }
    const summary = this.summary;
    if (!summary) return;
    const items: ErrorSummaryItem[] = this.serverExtra.map((message) => ({ message }));
    for (const field of this.visibleFields(this.shownSections)) {
      const message = errors[field.name];
      if (message) items.push({ message, control: this.control(field.name) ?? undefined });
    }
    summary.items = items;
    if (focus && items.length) {
      await summary.updateComplete;
      summary.focus();
    }
  }

  /**
   * Checks every answer as a submit of the last step would, shows the errors on their fields
   * and in the summary (which takes focus), and says whether all hold. Submits nothing: a page
   * with checks of its own (a signature below the form) calls it so that a person sees every
   * problem in one round, then submits.
   */
  async reportValidity(): Promise<boolean> {
    if (!this.definition) return false;
    await Promise.all([this.readOwnChecks(), loadValidation().catch(() => undefined)]);
    const { errors } = this.check(this.visibleSections);
    if (!Object.keys(errors).length && !this.serverExtra.length) return true;
    await this.reveal(errors);
    return false;
  }

  /** Shows errors; in steps, an earlier step's error (a condition changed since) on its step. */
  private async reveal(errors: Record<string, string>) {
    const first = this.visibleSections.find((section) =>
      this.visibleFields([section]).some((field) => errors[field.name]),
    );
    if (this.steps && first && first !== this.shownSections[0]) await this.goTo(first.id, false);
    this.revealed = true;
    await this.showErrors(this.check(this.shownSections).errors, true);
  }

  private onSubmit = async (event: Event) => {
    event.preventDefault();
    if (this.busy || !this.definition) return;
    this.submitProblem = null;
    this.drafts.flush();
    const sections = this.visibleSections;
    const shown = this.shownSections;
    const last = !this.steps || shown[0] === sections[sections.length - 1];
    await Promise.all([this.readOwnChecks(), loadValidation().catch(() => undefined)]);
    const { errors, data } = this.check(last ? sections : shown);
    if (Object.keys(errors).length || this.serverExtra.length) {
      await this.reveal(errors);
      return;
    }
    if (!last) {
      const index = sections.indexOf(shown[0] as FormSection);
      await this.goTo(sections[index + 1]?.id ?? '', true);
      return;
    }
    if (!this.syncing) {
      this.submitData(data);
      return;
    }
    this.busy = true;
    try {
      const sync = await this.loadSyncer().catch(noop);
      // Without the sync module (it could not be fetched: offline), nothing was sent.
      this.submitProblem = sync ? await sync.submit() : formMessages.submitOffline;
    } finally {
      this.busy = false;
    }
  };

  private submitData(data: Record<string, unknown>) {
    let waited: Promise<unknown> | undefined;
    const detail: DossierSubmitDetail = {
      formId: this.definition?.id ?? '',
      data,
      waitFor: (promise) => {
        waited = promise;
      },
    };
    this.emit('egov-submit', detail);
    if (!waited) {
      void this.drafts.forget();
      return;
    }
    this.busy = true;
    waited
      .then(
        () => this.drafts.forget(),
        (error: unknown) => {
          const errors = (error as { errors?: unknown } | null)?.errors;
          if (Array.isArray(errors)) this.serverErrors = errors as ServerFieldError[];
        },
      )
      .finally(() => {
        this.busy = false;
      });
  }

  // ---- the server draft (with a client)

  /** Whether answers go to the server: a client and the procedure are set. */
  private get syncing(): boolean {
    return this.client !== undefined && this.procedureCode !== '';
  }

  /** The SyncController, created once its module is in. Rejects if it could not be fetched. */
  private async loadSyncer(): Promise<SyncController> {
    const { SyncController } = await syncModule.load();
    this.syncer ??= new SyncController(this, this.drafts, this.syncForm);
    return this.syncer;
  }

  /** Sends what waits after `delay`, once the sync module is in. */
  private syncSoon(delay: number) {
    if (this.syncing) void this.loadSyncer().then((sync) => sync.schedule(delay), noop);
  }

  /**
   * Sends the answers to the server draft now, rather than after the pause — creating it first
   * if there is none. Resolves when the server has them, or when the attempt failed: the form
   * then shows why, and retries by itself after a lost connection. Without a client, does
   * nothing.
   */
  async sync(): Promise<void> {
    if (!this.syncing || !this.drafts.loaded) return;
    const sync = await this.loadSyncer().catch(noop);
    await sync?.flush();
  }

  /** An upload field's uploader: with a client, one sending to the server draft. */
  private uploaderFor(field: FieldDefinition): Uploader | undefined {
    if (!this.syncing) return this.uploader;
    let uploader = this.uploaders.get(field.name);
    if (!uploader) {
      const requirement = field.documentCode ?? field.name;
      uploader = async (file, options) =>
        (await this.loadSyncer()).upload(requirement, file, options);
      this.uploaders.set(field.name, uploader);
    }
    return uploader;
  }

  private takeServerErrors() {
    const { byField: server, extra } = serverErrorsByField(this.definition, this.serverErrors);
    this.server = server;
    this.serverExtra = extra;
    this.revealed = true;
    void this.updateComplete.then(async () => {
      const sections = this.visibleSections;
      const first = sections.find((section) =>
        this.visibleFields([section]).some((field) => server[field.name]),
      );
      if (this.steps && first) await this.goTo(first.id, false);
      await this.showErrors(this.check(this.shownSections).errors, true);
    });
  }

  private async goTo(sectionId: string, focusHeading: boolean) {
    if (this.drafts.server.dirty) void this.sync();
    this.current = sectionId;
    this.revealed = false;
    if (this.summary) this.summary.items = [];
    await this.updateComplete;
    if (focusHeading)
      this.renderRoot.querySelector<HTMLElement>('section:not([hidden]) h2')?.focus();
  }

  private back = () => {
    const sections = this.visibleSections;
    const index = sections.indexOf(this.shownSections[0] as FormSection);
    void this.goTo(sections[Math.max(index - 1, 0)]?.id ?? '', true);
  };

  // ---- rendering

  override render() {
    const definition = this.definition;
    if (!definition || !this.drafts.loaded) return nothing;
    const locale = this.locale;
    const sync = this.syncer;
    if (sync?.submitted) return sync.renderSubmitted(locale);
    const sections = this.visibleSections;
    const shown = this.shownSections;
    const index = sections.indexOf(shown[0] as FormSection);
    const last = !this.steps || index === sections.length - 1;
    return html`
      <egov-error-summary part="summary" exportparts=${SUMMARY_PARTS}></egov-error-summary>
      <div part="notice" class="notice" role="status" tabindex="-1">${this.renderNotice(locale)}</div>
      ${this.syncing && sync ? sync.render(locale) : nothing}
      ${this.steps ? this.renderSteps(sections, index, locale) : nothing}
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput}>
        ${
          // In steps, the other steps stay in the page, hidden: their fields keep what is not in
          // the data yet (a half-typed date, an upload on its way) while the person moves on.
          (this.steps ? sections : shown).map((section) =>
            this.renderSection(section, locale, section !== shown[0] && this.steps),
          )
        }
        <div class="problem-region" role="alert">
          ${this.submitProblem ? html`<p part="problem" class="problem">${translate(this.submitProblem, locale)}</p>` : nothing}
        </div>
        <div part="actions" class="actions">
          <button part="submit" class="primary" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
            ${
              this.busy
                ? translate(formMessages.sending, locale)
                : last
                  ? this.submitLabel || translate(formMessages.submit, locale)
                  : translate(formMessages.next, locale)
            }
          </button>
          ${
            this.steps && index > 0
              ? html`<button part="back" type="button" @click=${this.back}>${translate(formMessages.back, locale)}</button>`
              : nothing
          }
        </div>
      </form>
    `;
  }

  private renderNotice(locale: string) {
    const restoredAt = this.drafts.restoredAt;
    if (restoredAt !== null) {
      const when = new Date(restoredAt).toLocaleString(intlLocale(locale), {
        dateStyle: 'short',
        timeStyle: 'short',
      });
      return html`<p>${translate(formMessages.draftRestored(when), locale)}</p>
        <button type="button" class="link" @click=${this.discardDraft}>
          ${translate(formMessages.discardDraft, locale)}
        </button>`;
    }
    return this.notice ? html`<p>${this.notice}</p>` : nothing;
  }

  private renderSteps(sections: readonly FormSection[], index: number, locale: string) {
    return html`<p class="step-count">${translate(formMessages.step(index + 1, sections.length), locale)}</p>
      <ol part="steps" class="steps" aria-label=${translate(formMessages.steps, locale)}>
        ${sections.map(
          (section, position) =>
            html`<li aria-current=${ifDefined(position === index ? 'step' : undefined)}>
              ${translate(section.title, locale)}
            </li>`,
        )}
      </ol>`;
  }

  private renderSection(section: FormSection, locale: string, hidden: boolean) {
    return keyed(
      section.id,
      html`<section part="section" aria-labelledby="section-${section.id}" ?hidden=${hidden}>
        <h2 id="section-${section.id}" tabindex="-1">${translate(section.title, locale)}</h2>
        ${section.description ? html`<p class="description">${translate(section.description, locale)}</p>` : nothing}
        ${section.fields
          .filter((field) => isVisible(field.visibleWhen, this.data))
          .map((field) => keyed(field.name, this.renderField(field, locale)))}
      </section>`,
    );
  }

  private renderField(field: FieldDefinition, locale: string) {
    return FIELD_RENDERERS[field.type].render(field, {
      value: this.data[field.name],
      label: translate(field.label, locale),
      hint: field.hint ? translate(field.hint, locale) : '',
      locale,
      parts: FIELD_PARTS,
      uploader: field.type === 'file' ? this.uploaderFor(field) : undefined,
    });
  }
}
