import type {
  Dossier,
  DossierEvent,
  DossierStatus,
  LookupQuery,
  LookupResult,
  Procedure,
} from '@egov-kit/schema';
import { isTerminal } from '@egov-kit/schema/rules';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { EgovElement, lazy } from '../base/egov-element.js';
import { localeOf, translate } from '../base/localization.js';
import { STATUS_NAMES } from '../internal/status.messages.js';
import { formatDate, type TrackedDossier, type TrackedEvent } from '../internal/tracking.js';
import { trackerMessages as m } from './dossier-tracker.messages.js';
import { dossierTrackerStyles } from './dossier-tracker.styles.js';

export type { TrackedDossier, TrackedEvent } from '../internal/tracking.js';

/** What the citizen must do next: supplement documents, pay, collect the result, rate the service. */
export type TrackerActionKind = 'supplement' | 'pay' | 'collect' | 'rate';

/** `detail` of `egov-tracker-action`. */
export interface TrackerActionDetail {
  readonly action: TrackerActionKind;
  /** The dossier code, when known. */
  readonly code: string | undefined;
  /** For `supplement`: the RequiredDocument codes the agency asked for. */
  readonly requestedDocuments: readonly string[];
}

/**
 * The part of `@egov-kit/client`'s `Client` the tracker calls; the client itself fits, and so
 * does a test double.
 */
export interface TrackerClient {
  readonly dossiers: {
    get(id: string): Promise<Dossier>;
    events(id: string): Promise<{ items: DossierEvent[] }>;
    lookup(query: LookupQuery): Promise<LookupResult>;
  };
  /** Where the requested documents are named from (the client's `procedures` fits). */
  readonly procedures?: ProcedureSource;
}

/** Reads a procedure by its national code: `client.procedures` of `@egov-kit/client` fits. */
export interface ProcedureSource {
  get(code: string): Promise<Pick<Procedure, 'name' | 'cases'>>;
}

/** The citizen's action per status: only these statuses wait for the citizen. */
const CITIZEN_ACTION: Partial<Record<DossierStatus, TrackerActionKind>> = {
  awaiting_supplement: 'supplement',
  awaiting_payment: 'pay',
  resolved: 'collect',
  returned: 'rate',
};

/** Statuses during which the processing clock is stopped (Decree 61/2018, Art. 19). */
const PAUSED: ReadonlySet<DossierStatus> = new Set([
  'awaiting_supplement',
  'awaiting_payment',
  'stopped',
]);

/**
 * Everything but the status and the due date arrives after the first render (details.ts): the
 * days left (the working-day calendar, whose holiday table is most of its weight), the
 * citizen's action, the status explanations, what can happen next, the history's words and
 * the notices, the load errors. Most of the tracker's weight is words, and the first screen
 * needs only the status and the due date; `updateComplete` waits for the rest.
 */
const detailsModule = lazy(() => import('./details.js'));

/** The events of `egov-dossier-tracker`, by name: their `detail`. */
export interface DossierTrackerEvents {
  'egov-tracker-action': TrackerActionDetail;
}

/**
 * @summary Where a dossier (hồ sơ) is, in plain words: its status with the national status
 * code, who has it, when the result is due in working days, whether it is overdue or the date
 * was moved, what the citizen must do now, what can happen next, and its history.
 *
 * Give it a dossier and its events as properties, or a `client` and either `code` + `verifier`
 * (the public lookup, as printed on the receipt) or `dossier-id` (the signed-in citizen's own
 * dossier): it loads them itself. A change of status after the first render is announced
 * politely to screen readers.
 *
 * @event egov-tracker-action - The citizen chose the next action (`detail`: {@link TrackerActionDetail}).
 * Cancelable: `preventDefault()` also stops a link given in `hrefs` from being followed.
 *
 * @csspart base - The whole tracker.
 * @csspart status - The status heading.
 * @csspart due - The due date box; has the class `overdue` when late.
 * @csspart overdue - The "Overdue" flag.
 * @csspart extension - The apology and new date.
 * @csspart action - The box with the citizen's next action.
 * @csspart action-button - The link or button of that action.
 * @csspart next - What can happen next.
 * @csspart timeline - The ordered list of events, newest first.
 * @csspart event - One event.
 * @csspart error - A load error.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-border - Box borders.
 * @cssprop --egov-color-accent - Action button and current status accent.
 * @cssprop --egov-color-error - Overdue accent.
 * @cssprop --egov-color-focus - Focus outline.
 */
export class EgovDossierTracker extends EgovElement<DossierTrackerEvents> {
  static override styles = dossierTrackerStyles;

  // Without decorators, as in EgovElement: their helper code would cost the first load.
  static override properties = {
    dossier: { attribute: false },
    events: { attribute: false },
    procedureName: { attribute: 'procedure-name' },
    procedure: { attribute: false },
    procedures: { attribute: false },
    code: {},
    verifier: {},
    dossierId: { attribute: 'dossier-id' },
    client: { attribute: false },
    hrefs: { type: Object },
    headingLevel: { type: Number, attribute: 'heading-level' },
    showNationalCode: { type: Boolean, attribute: 'show-national-code' },
    audience: {},
    now: { attribute: false },
    loading: { state: true },
    error: { state: true },
    announcement: { state: true },
    showAll: { state: true },
  };

  /** The dossier shown. Set it, or let the tracker load it through `client`. */
  dossier: TrackedDossier | null = null;

  /** Its events, oldest first (as the API lists them). */
  events: readonly TrackedEvent[] = [];

  /** The procedure's name, shown under the code. */
  procedureName = '';

  /**
   * The procedure, when known: names the documents a supplement request asks for. Without it,
   * the tracker reads it through `procedures` (or `client.procedures`) when a request lists
   * documents, by the dossier's procedure code.
   */
  procedure: Pick<Procedure, 'name' | 'cases'> | null = null;

  /**
   * Where the procedure is read from to name requested documents, when `procedure` is not
   * given: `client.procedures` of `@egov-kit/client`. `client.procedures` is used otherwise.
   */
  procedures: ProcedureSource | null = null;

  /** Loads by the public lookup: the dossier code printed on the receipt… */
  code = '';

  /** …and its verification code (mã xác thực). */
  verifier = '';

  /** Loads the signed-in citizen's own dossier by id. */
  dossierId = '';

  /** Where the loading happens: `createClient()` of `@egov-kit/client`, or anything that fits. */
  client: TrackerClient | null = null;

  /**
   * Links for the citizen's actions, e.g. `{ "pay": "/pay?d=…" }`: the action is then a link,
   * else a button. `egov-tracker-action` fires either way.
   */
  hrefs: Partial<Record<TrackerActionKind, string>> = {};

  /** The heading level of the status, to fit the page's outline; sections take the next. */
  headingLevel = 2;

  /**
   * Shows the national status code (Mã trạng thái quốc gia) beside the status, for officials;
   * citizens read the status in words only.
   */
  showNationalCode = false;

  /**
   * Who reads the tracker: `citizen` (the default) is spoken to as "bạn"; `officer` (the
   * officer's desk) reads the same facts about "công dân".
   */
  audience: 'citizen' | 'officer' = 'citizen';

  /** "Now", for the days left; the current time by default (set it in tests and stories). */
  now: Date | null = null;

  private loading = false;
  private error: unknown = null;
  private announcement = '';
  private showAll = false;

  private shownStatus: DossierStatus | undefined;
  private loadToken = 0;
  /** The procedure code read (or being read) for the requested documents' names. */
  private procedureRead = '';

  override willUpdate(changed: PropertyValues<this>) {
    if (
      (changed.has('client') ||
        changed.has('code') ||
        changed.has('verifier') ||
        changed.has('dossierId')) &&
      this.client &&
      ((this.code && this.verifier) || this.dossierId)
    ) {
      void this.refresh();
    }
    if (changed.has('dossier')) {
      const status = this.dossier?.status;
      // Announce a change, not the first status: the page already shows that.
      if (this.shownStatus && status && status !== this.shownStatus) {
        const locale = localeOf(this);
        this.announcement = `${translate(m.changed, locale)} ${translate(STATUS_NAMES[status], locale)}.`;
      }
      this.shownStatus = status;
    }
    this.readProcedure();
  }

  /**
   * A supplement request names its documents by requirement code; a person needs their names,
   * which are in the procedure. Read once per procedure code, when a request is shown and no
   * procedure was given; a failure leaves the agency's note and the notice to say it.
   */
  private readProcedure() {
    const source = this.procedures ?? this.client?.procedures;
    const code = this.dossier?.procedureCode;
    if (this.procedure || !source || !code || code === this.procedureRead) return;
    if (!this.requestedDocuments().length) return;
    this.procedureRead = code;
    source.get(code).then(
      (procedure) => {
        if (this.dossier?.procedureCode === code && !this.procedure) this.procedure = procedure;
      },
      () => {
        this.procedureRead = ''; // the next update tries again
      },
    );
  }

  /** The requirement codes of the latest supplement request, while the dossier waits for them. */
  private requestedDocuments(): readonly string[] {
    if (!this.dossier || CITIZEN_ACTION[this.dossier.status] !== 'supplement') return [];
    const request = [...this.events]
      .reverse()
      .find((event) => event.notice?.kind === 'supplement_request');
    return request?.notice?.requestedDocuments ?? [];
  }

  /**
   * Moves focus to the status heading (after a lookup shows this tracker, say), so that the
   * status is read out and keyboard users continue from the answer.
   */
  async focusStatus(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#status')?.focus();
  }

  /** Loads the dossier again through `client` (after a change, or on a timer of the page). */
  async refresh(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const token = ++this.loadToken;
    this.loading = true;
    this.error = null;
    try {
      if (this.code && this.verifier) {
        const found = await client.dossiers.lookup({ code: this.code, verifier: this.verifier });
        if (token !== this.loadToken) return;
        this.procedureName ||= found.procedureName;
        this.events = found.events;
        this.dossier = found.dossier;
      } else {
        const [dossier, events] = await Promise.all([
          client.dossiers.get(this.dossierId),
          client.dossiers.events(this.dossierId),
        ]);
        if (token !== this.loadToken) return;
        this.events = events.items;
        this.dossier = dossier;
      }
    } catch (error) {
      if (token === this.loadToken) this.error = error;
    } finally {
      if (token === this.loadToken) this.loading = false;
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    if (!detailsModule.value)
      void detailsModule.load().then(
        () => this.requestUpdate(),
        () => undefined,
      );
  }

  /** Resolves once the lazily loaded words are there and shown, so a caller sees the whole. */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (!detailsModule.value) await detailsModule.load();
    return super.getUpdateComplete();
  }

  override render() {
    const locale = localeOf(this);
    const dossier = this.dossier;
    return html`<section
      part="base"
      aria-busy=${this.loading ? 'true' : 'false'}
      aria-labelledby=${dossier ? 'status' : nothing}
    >
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${
        this.error
          ? html`<div part="error" class="error" role="alert">
            <p>${detailsModule.value?.loadErrorMessage(this.error, locale)}</p>
            <button type="button" @click=${() => this.refresh()}>${translate(m.retry, locale)}</button>
          </div>`
          : nothing
      }
      ${this.loading && !dossier ? html`<p class="loading">${translate(m.loading, locale)}</p>` : nothing}
      ${dossier ? this.renderDossier(dossier, locale) : nothing}
    </section>`;
  }

  private heading(level: number, text: string, id?: string, part?: string) {
    return html`<div
      role="heading"
      aria-level=${Math.min(level, 6)}
      id=${id ?? nothing}
      tabindex=${id === 'status' ? '-1' : nothing}
      part=${part ?? nothing}
      class="h${level === this.headingLevel ? 1 : 2}"
    >${text}</div>`;
  }

  private renderDossier(dossier: TrackedDossier, locale: string) {
    const status = dossier.status;
    const code = dossier.nationalStatusCode;
    const sub = (text: string) => this.heading(this.headingLevel + 1, text);
    const details = detailsModule.value;
    return html`
      <div class="summary status-${status}">
        ${
          dossier.code
            ? html`<p class="code">${translate(m.code, locale)}: <strong>${dossier.code}</strong></p>`
            : nothing
        }
        ${this.procedureName || this.procedure ? html`<p class="procedure" lang="vi">${this.procedureName || this.procedure?.name}</p>` : nothing}
        ${this.heading(this.headingLevel, `${translate(m.status, locale)}: ${translate(STATUS_NAMES[status], locale)}`, 'status', 'status')}
        ${code === null || !this.showNationalCode ? nothing : html`<p class="national">${translate(m.nationalCode, locale)}: ${code}</p>`}
        ${details?.renderExplained(status, this.events, this.audience, locale)}
      </div>
      ${this.renderDue(dossier, locale)} ${this.renderAction(dossier, locale, sub)}
      ${details?.renderNext(dossier, sub, locale)}
      ${details?.renderTimeline(
        {
          events: this.events,
          showAll: this.showAll,
          onShowAll: () => {
            this.showAll = true;
          },
          heading: sub,
        },
        locale,
      )}
    `;
  }

  private renderDue(dossier: TrackedDossier, locale: string) {
    if (!dossier.dueAt) return nothing;
    const due = new Date(dossier.dueAt);
    const now = this.now ?? new Date();
    const status = dossier.status;
    const finished = Boolean(dossier.completedAt ?? dossier.returnedAt);
    const open = !finished && !isTerminal(status);
    const paused = PAUSED.has(status);
    const late = dossier.overdue || (open && !paused && now > due);
    return html`<div part="due" class="due ${late ? 'overdue' : ''}">
      ${
        late
          ? html`<p part="overdue" class="flag"><span aria-hidden="true">!</span> ${translate(m.overdue, locale)}</p>`
          : nothing
      }
      <dl>
        <dt>${translate(m.dueAt, locale)}</dt>
        <dd><strong>${formatDate(due, locale)}</strong></dd>
      </dl>
      ${detailsModule.value?.renderDueState({ events: this.events, due, now, finished, open, paused, late }, locale) ?? nothing}
    </div>`;
  }

  private renderAction(
    dossier: TrackedDossier,
    locale: string,
    heading: (text: string) => TemplateResult,
  ) {
    const action = CITIZEN_ACTION[dossier.status];
    if (!action || !detailsModule.value) return nothing;
    return detailsModule.value.renderAction(
      {
        action,
        code: dossier.code,
        events: this.events,
        heading: heading(translate(detailsModule.value.dueAndAction.yourTurn, locale)),
        href: this.hrefs[action],
        documentName: (code) => this.documentName(code),
        fire: (detail) => this.emit('egov-tracker-action', detail),
      },
      locale,
    );
  }

  private documentName(code: string): string | undefined {
    for (const procedureCase of this.procedure?.cases ?? []) {
      const found = procedureCase.documents.find((document) => document.code === code);
      if (found) return found.name;
    }
    return undefined;
  }
}
