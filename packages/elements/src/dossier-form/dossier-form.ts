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
import type { AddressValue } from '../address-field/address-field.js';
import { EgovElement, lazy } from '../base/egov-element.js';
import {
  domainMessage,
  intlLocale,
  type Translatable,
  translate,
  translationVersion,
} from '../base/localization.js';
import type { EgovErrorSummary, ErrorSummaryItem } from '../error-summary/error-summary.js';
import type { Uploader } from '../file-upload/file-upload.js';
import type { FormControl } from '../internal/form-control.js';
import { formMessages } from './dossier-form.messages.js';
import { dossierFormStyles } from './dossier-form.styles.js';
import { type Draft, deleteDraft, draftKey, loadDraft, saveDraft } from './drafts.js';
import { FIELD_RENDERERS, loadFieldElements } from './field-renderers.js';
import {
  type DossierFormClient,
  newKey,
  type ServerDraftState,
  SYNC_DELAY,
  type SyncStatus,
} from './server-draft.js';
import type { SyncHost } from './sync.js';

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

// biome-ignore lint/suspicious/noExplicitAny: any egov control, whatever its value type.
type Control = FormControl<any> & { checked?: boolean };

// Fetched once per page, when the first form connects: by the time a person submits, it is
// there; if it could not be fetched (offline), the next submit tries again.
const validation = lazy(() => import('./validation.js'));
const loadValidation = () => validation.load();

/**
 * The inner fields' and summary's parts, re-exported under a prefix (`field-label`,
 * `summary-link`, …) so that a page can style them through the form's shadow root:
 * `egov-dossier-form::part(field-input)`. A part an inner element does not have is ignored.
 */
const FIELD_PARTS = [
  'base',
  'label',
  'hint',
  'error',
  'input',
  'textarea',
  'select',
  'choices',
  'radio',
  'checkbox',
  'choice-label',
  'day',
  'month',
  'year',
  'dropzone',
  'button',
]
  .map((part) => `${part}:field-${part}`)
  .join(',');
const SUMMARY_PARTS = 'heading:summary-heading,list:summary-list,link:summary-link';

/**
 * The server half (sync.ts: pushes, conflicts, submitting through the client, their words) is
 * fetched when a form is given a client: a form without one never loads it.
 */
const syncModule = lazy(() => import('./sync.js'));
const loadSync = () => syncModule.load();

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
  @state() private restoredAt: number | null = null;
  @state() private notice = '';
  @state() private busy = false;
  @state() private syncStatus: SyncStatus = 'idle';
  /** The last status that is not `saving`: what the status line says meanwhile. */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by sync.ts (SyncHost).
  private settledStatus: SyncStatus = 'idle';
  /** Why the last sync failed, when it is neither a conflict nor a lost connection. */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by sync.ts (SyncHost).
  @state() private syncProblem: Translatable | null = null;
  /** A problem met while resolving a conflict (offline, say). */
  @state() private conflictProblem: Translatable | null = null;
  /** Why the last submit through the client failed. */
  @state() private submitProblem: Translatable | null = null;
  /** The dossier once submitted through the client. */
  @state() private submitted: Dossier | null = null;

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
  /**
   * Whether the draft lookup is over. The fields wait for it (IndexedDB answers in a few ms), so
   * that a restored draft never lands over what the person has begun to type.
   */
  @state() private draftLoaded = false;
  private saving: Promise<void> = Promise.resolve();
  /** The server draft: where it is, and whether it lacks the latest answers. */
  private serverDraft: ServerDraftState = { createKey: newKey(), dirty: false };
  /** The pushes to the server, one after another. */
  private pushing: Promise<unknown> = Promise.resolve();
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by sync.ts (SyncHost).
  private retryDelay = 0;
  private uploaders = new Map<string, Uploader>();

  /**
   * The form as sync.ts sees it: that module holds what were this class's server methods, and
   * reaches the same private state they did. `SyncHost` names every member it uses.
   */
  private get syncHost(): SyncHost {
    return this as unknown as SyncHost;
  }

  /** Resolves once the server half is there too (with a client), so a caller sees the whole. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.syncing || syncModule.value) return done;
    await loadSync().catch(() => undefined);
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
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    window.addEventListener('online', this.onOnline);
    // Moved in the page: what was waiting when it left goes now.
    if (this.draftLoaded && this.serverDraft.dirty) this.scheduleSync(SYNC_DELAY);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    window.removeEventListener('online', this.onOnline);
    // What is pending stays in the local draft (dirty) and goes up on the next visit.
    clearTimeout(this.syncTimer);
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
      this.draftLoaded = false;
      this.restoredAt = null;
      this.submitted = null;
      this.resetServerDraft();
      void this.restoreDraft();
    }
    if (changed.has('data') && !this.draftLoaded) this.prefill = this.data;
    if (changed.has('serverErrors') && this.serverErrors.length) this.takeServerErrors();
    if ((changed as PropertyValues).has('syncStatus') && this.syncStatus !== 'saving') {
      this.settledStatus = this.syncStatus;
    }
    if (changed.has('client') || changed.has('procedureCode')) {
      this.uploaders.clear();
      if (this.syncing && !syncModule.value)
        void loadSync().then(
          () => this.requestUpdate(),
          () => undefined,
        );
      if (this.draftLoaded && this.serverDraft.dirty) this.scheduleSync(SYNC_DELAY);
    }
  }

  // ---- drafts

  private get draftKey(): string | null {
    return this.definition && !this.noDraft ? draftKey(this.definition.id, this.userKey) : null;
  }

  private async restoreDraft() {
    const key = this.draftKey;
    let draft: Draft | undefined;
    // The fields' elements are fetched as the draft is read: the form shows when both are in.
    const elements = loadFieldElements(
      (this.definition?.sections ?? []).flatMap((section) => section.fields),
    )?.catch(() => undefined);
    try {
      draft = key ? await loadDraft(key) : undefined;
    } catch {
      // No IndexedDB (private mode of some browsers): the form works, without drafts.
    }
    if (elements) await elements;
    if (key !== this.draftKey) return; // the definition changed meanwhile
    const answered = draft !== undefined && Object.keys(draft.data).length > 0;
    if (draft && answered) {
      this.data = { ...this.prefill, ...draft.data };
      this.restoredAt = draft.savedAt;
    }
    // The server draft goes on where it was; answers never sent (offline, or kept from before
    // there was a client) are sent now.
    if (draft?.server) this.serverDraft = draft.server;
    else if (answered) this.serverDraft = { ...this.serverDraft, dirty: true };
    this.draftLoaded = true;
    if (this.serverDraft.dirty) this.scheduleSync(0);
  }

  private saveDraft() {
    const key = this.draftKey;
    if (!key || !this.draftLoaded || !this.definition || this.submitted) return;
    const draft: Draft = {
      data: this.data,
      savedAt: Date.now(),
      version: this.definition.version,
      server: this.serverDraft,
    };
    // One write after another, so that an older state never lands after a newer one.
    this.saving = this.saving.then(() => saveDraft(key, draft)).catch(() => undefined);
  }

  /** Deletes the draft and starts again from the prefilled answers. */
  async discardDraft(): Promise<void> {
    const key = this.draftKey;
    this.data = { ...this.prefill };
    this.own = {};
    this.server = {};
    this.serverExtra = [];
    this.revealed = false;
    this.restoredAt = null;
    // The server draft stays on the server (a draft is harmless, and the person may want it on
    // another device); this form starts a new one with the next change.
    this.resetServerDraft();
    await this.showErrors({}, false);
    this.notice = translate(formMessages.draftDiscarded, this.locale);
    await this.saving;
    if (key) await deleteDraft(key).catch(() => undefined);
    await this.updateComplete;
    this.noticeBox?.focus();
  }

  // ---- answers

  /** The answer a control holds, in the shape validateFormData reads. */
  private answerOf(field: FieldDefinition, control: Control): unknown {
    if (field.type === 'checkbox' && !field.multiple) return control.checked === true;
    if (field.type === 'address') {
      const address = control.value as AddressValue;
      return address.provinceCode || address.communeCode || address.street.trim()
        ? address
        : undefined;
    }
    return control.value;
  }

  private onInput = async (event: Event) => {
    const control = event.target as Control;
    const field = this.fieldNamed(control.name);
    if (!field) return;
    this.data = { ...this.data, [field.name]: this.answerOf(field, control) };
    delete this.server[field.name];
    this.serverExtra = [];
    this.notice = '';
    this.markDirty();
    this.saveDraft();
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

  /**
   * Checks the sections' visible fields: the server's message first, then validateFormData's,
   * then the control's own (what the data cannot show: a date half typed, an upload running).
   * Until validateFormData has arrived, only the controls' own checks count — the server checks
   * again in any case.
   */
  private check(sections: readonly FormSection[]) {
    const definition = this.definition as FormDefinition;
    const answers: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(this.data)) {
      // validateFormData knows uploads by id; a File (no uploader) stands for itself by name.
      answers[name] = Array.isArray(value)
        ? value.map((item) => (item instanceof File ? item.name : item))
        : value;
    }
    const result = validation.value?.validateFormData(definition, answers, { locale: 'vi' }) ?? {
      ok: true,
      value: Object.fromEntries(
        this.visibleFields(this.visibleSections).map((field) => [field.name, answers[field.name]]),
      ),
    };
    const schema: Record<string, string> = {};
    if (!result.ok) {
      // validateFormData speaks Vietnamese and English: its words are asked for in both and
      // shown through the localisation layer (`form-rule.<code>`), so that a site can override
      // them and an added locale falls back to English like every other message.
      const english = validation.value?.validateFormData(definition, answers, { locale: 'en' });
      const en = new Map<string, string>();
      if (english && !english.ok)
        for (const error of english.errors) en.set(error.path, error.message);
      for (const error of result.errors) {
        const text = { vi: error.message, en: en.get(error.path) ?? error.message };
        const message = domainMessage(`form-rule.${error.code ?? 'invalid'}`, text);
        schema[error.path] ??= translate(message, this.locale);
      }
    }
    const errors: Record<string, string> = {};
    for (const field of this.visibleFields(sections)) {
      const message = this.server[field.name] || schema[field.name] || this.own[field.name];
      if (message) errors[field.name] = message;
    }
    const data: Record<string, unknown> = { ...result.value };
    for (const field of this.visibleFields(this.visibleSections)) {
      if (field.type === 'file' && field.name in data) data[field.name] = this.data[field.name];
    }
    return { errors, data };
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
    if (!this.syncing) this.submitData(data);
    else if (await loadSync().catch(() => undefined))
      await syncModule.value?.submitToServer(this.syncHost);
    else this.submitProblem = formMessages.submitOffline; // the sync module did not come
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
      void this.forgetDraft();
      return;
    }
    this.busy = true;
    waited
      .then(
        () => this.forgetDraft(),
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

  private resetServerDraft() {
    clearTimeout(this.syncTimer);
    this.serverDraft = { createKey: newKey(), dirty: false };
    this.syncStatus = 'idle';
    this.syncProblem = this.conflictProblem = this.submitProblem = null;
    this.retryDelay = 0;
  }

  private markDirty() {
    if (this.submitted) return;
    this.serverDraft = { ...this.serverDraft, dirty: true };
    if (this.syncing) this.scheduleSync(SYNC_DELAY);
  }

  private scheduleSync(delay: number) {
    clearTimeout(this.syncTimer);
    if (!this.syncing || this.syncStatus === 'conflict') return;
    this.syncTimer = setTimeout(() => void this.sync(), delay);
  }

  private onVisibilityChange = () => {
    // The tab may be closed or frozen next: send what waits now.
    if (document.visibilityState === 'hidden' && this.serverDraft.dirty) void this.sync();
  };

  private onOnline = () => {
    if (this.syncStatus === 'offline') void this.sync();
  };

  /**
   * Sends the answers to the server draft now, rather than after the pause — creating it first
   * if there is none. Resolves when the server has them, or when the attempt failed: the form
   * then shows why, and retries by itself after a lost connection. Without a client, does
   * nothing.
   */
  async sync(): Promise<void> {
    clearTimeout(this.syncTimer);
    if (!this.syncing || !this.draftLoaded) return;
    await this.push().catch(() => undefined);
  }

  /** Queues one push behind the others; resolves to the server draft's id. */
  private push(): Promise<string> {
    const run = this.pushing
      .catch(() => undefined)
      .then(loadSync)
      .then((module) => module.pushOnce(this.syncHost));
    this.pushing = run;
    return run;
  }

  /** The server draft's id, creating the draft first if there is none (an upload needs it). */
  private async serverDraftId(): Promise<string> {
    return this.serverDraft.id ?? this.push();
  }

  /** An upload field's uploader, sending to the server draft through the client. */
  private uploaderFor(field: FieldDefinition): Uploader | undefined {
    const client = this.client;
    if (!client || !this.syncing) return this.uploader;
    let uploader = this.uploaders.get(field.name);
    if (!uploader) {
      uploader = async (file, { onProgress, signal }) => {
        const id = await this.serverDraftId();
        const attachment = await client.attachments.upload(
          id,
          field.documentCode ?? field.name,
          file,
          { onProgress, signal },
        );
        return { id: attachment.id };
      };
      this.uploaders.set(field.name, uploader);
    }
    return uploader;
  }

  private async forgetDraft() {
    const key = this.draftKey;
    this.restoredAt = null;
    await this.saving;
    if (key) await deleteDraft(key).catch(() => undefined);
  }

  private takeServerErrors() {
    const names = new Set(
      this.definition?.sections.flatMap((section) => section.fields.map((field) => field.name)),
    );
    const server: Record<string, string> = {};
    const extra: string[] = [];
    // A required document the server misses (`documents.<code>`) belongs to its upload field.
    const byDocument = new Map<string, string>(
      this.definition?.sections.flatMap((section) =>
        section.fields.flatMap((field) =>
          field.type === 'file' && field.documentCode
            ? [[`documents.${field.documentCode}`, field.name] as const]
            : [],
        ),
      ),
    );
    for (const error of this.serverErrors) {
      const name = byDocument.get(error.path) ?? error.path.replace(/^formData\./, '');
      if (names.has(name)) server[name] ??= error.message;
      else extra.push(error.message);
    }
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
    if (this.serverDraft.dirty) void this.sync();
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
    if (!definition || !this.draftLoaded) return nothing;
    const locale = this.locale;
    // Only a submit through the client (sync.ts) sets `submitted`.
    const sync = syncModule.value;
    if (this.submitted && sync) return sync.renderSubmitted(this.submitted, locale);
    const sections = this.visibleSections;
    const shown = this.shownSections;
    const index = sections.indexOf(shown[0] as FormSection);
    const last = !this.steps || index === sections.length - 1;
    return html`
      <egov-error-summary part="summary" exportparts=${SUMMARY_PARTS}></egov-error-summary>
      <div part="notice" class="notice" role="status" tabindex="-1">${this.renderNotice(locale)}</div>
      ${this.syncing && sync ? sync.renderSync(this.syncHost, locale) : nothing}
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
    if (this.restoredAt !== null) {
      const when = new Date(this.restoredAt).toLocaleString(intlLocale(locale), {
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
