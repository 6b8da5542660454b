import type {
  LocalizedText,
  SatisfactionResponse,
  SurveyDefinition,
  SurveyStatus,
} from '@egov-kit/schema';
import { html, type PropertyValues } from 'lit';
import { EgovElement, lazy } from '../base/egov-element.js';
import type { Message } from '../base/localization.js';
import { surveyMessages as m } from './satisfaction-survey.messages.js';
import { surveyStyles } from './satisfaction-survey.styles.js';

/**
 * The part of `@egov-kit/client`'s `Client` the survey calls; the client itself fits, and so
 * does a test double. The element never bundles the client: the page passes its own.
 */
export interface SurveyClient {
  readonly surveys: {
    get(dossierId: string): Promise<SurveyDefinition>;
    status(dossierId: string): Promise<SurveyStatus>;
    answer(
      dossierId: string,
      answers: {
        surveyId: string;
        answers: { criterion: string; score: number }[];
        comment?: string;
      },
    ): Promise<SatisfactionResponse>;
  };
}

/**
 * What the element shows: `loading`; `not_yet` (the result is not returned); `open` (the form);
 * `submitted` (just sent, thanks); `answered` (sent earlier, still editable); `editing` (the
 * form with the earlier answers); `closed` (past the deadline); `error`; `offline` (retried when
 * the connection comes back).
 */
export type SurveyView =
  | 'loading'
  | 'not_yet'
  | 'open'
  | 'submitted'
  | 'answered'
  | 'editing'
  | 'closed'
  | 'error'
  | 'offline';

/** `detail` of `egov-survey-submit`: the answers as the server stored them. */
export interface SurveySubmitDetail {
  readonly response: SatisfactionResponse;
}

interface SurveyEvents {
  'egov-survey-submit': SurveySubmitDetail;
}

/** The form and the answers: fetched on connection, beside the survey's own request. */
const parts = lazy(() => import('./survey-parts.js'));

/**
 * The citizen's satisfaction survey for one returned dossier: each criterion of the national
 * service-quality index (Decision 766/QĐ-TTg; see `DEFAULT_SURVEY` in `@egov-kit/schema`) as a
 * group of radio buttons labelled in words, from "Rất không hài lòng" to "Rất hài lòng" — never
 * stars alone — an optional comment, and the answers editable until the survey's deadline.
 *
 * Give it a `client` (`createClient()` of `@egov-kit/client`) and a `dossier-id`, and it loads
 * the survey, its state and the earlier answers itself; or set `survey` and `status` (a static
 * page, a story) and listen to `egov-survey-submit`.
 *
 * @tag egov-satisfaction-survey
 * @event egov-survey-submit - The answers were stored (`detail`: {@link SurveySubmitDetail}).
 * @csspart form - The form of criteria.
 * @csspart criterion - The fieldset of one criterion.
 * @csspart submit - The send button.
 * @csspart message - The box of a state's message (thanks, closed, error, offline).
 */
export class EgovSatisfactionSurvey extends EgovElement<SurveyEvents> {
  static override styles = surveyStyles;

  // Declared without decorators: the decorator helper tsc emits per file costs bytes of the
  // first load (≤ 10 kB gzipped with Lit).
  static override properties = {
    dossierId: { attribute: 'dossier-id' },
    client: { attribute: false },
    survey: { attribute: false },
    status: { attribute: false },
    current: { state: true },
    chosen: { state: true },
    comment: { state: true },
    sending: { state: true },
    problem: { state: true },
  };

  /** The dossier rated. */
  dossierId = '';

  /** Loads and sends through it: `createClient()` of `@egov-kit/client`, or anything that fits. */
  client: SurveyClient | null = null;

  /** The survey's criteria and scale (loaded through `client`, or set). */
  survey: SurveyDefinition | null = null;

  /** The survey's state and the earlier answers (loaded through `client`, or set). */
  status: SurveyStatus | null = null;

  private current: SurveyView = 'loading';
  /** @internal The scores chosen in the form, by criterion. */
  chosen = new Map<string, number>();
  /** @internal The comment typed. */
  comment = '';
  /** @internal Sending the answers. */
  sending = false;
  /** @internal The form's problem, if any. */
  problem: 'need_one' | null = null;

  private retryOnline: (() => void) | undefined;
  /** @internal Answers wait to be sent again (after a network failure). */
  pendingSend = false;

  /** What the element shows now. */
  get view(): SurveyView {
    return this.current;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Fetched while the status request is on its way; a failure is retried on first need.
    parts.load().catch(() => {});
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWaitingForNetwork();
  }

  /**
   * Resolves once what is shown is complete: with a form or answers to show, after their module
   * has arrived and rendered (not while "Loading…" stands in for them).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.current === 'loading' || this.current === 'not_yet' || parts.value) return done;
    await parts.load().catch(() => {});
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('dossierId')) && this.client && this.dossierId) {
      void this.load();
    } else if ((changed.has('status') || changed.has('survey')) && !this.client) {
      const state = this.status?.state;
      this.current = state && (this.survey || state === 'not_yet') ? state : 'loading';
      this.prefill();
    }
  }

  /** Loads the survey and its state again through `client`. */
  async load(): Promise<void> {
    const client = this.client;
    if (!client || !this.dossierId) return;
    this.current = 'loading';
    try {
      const status = await client.surveys.status(this.dossierId);
      const survey = status.state === 'not_yet' ? null : await client.surveys.get(this.dossierId);
      this.status = status;
      this.survey = survey;
      this.current = status.state;
      this.prefill();
    } catch (error) {
      this.failed(error, () => void this.load());
    }
  }

  /** @internal Shows the view (the form's buttons, the answers once sent). */
  show(view: SurveyView): void {
    if (view === 'answered') this.prefill();
    this.current = view;
  }

  /** @internal The view shown (for the form module). */
  get shown(): SurveyView {
    return this.current;
  }

  private prefill(): void {
    const response = this.status?.response;
    this.chosen = new Map(response?.answers.map((a) => [a.criterion, a.score]) ?? []);
    this.comment = response?.comment ?? '';
  }

  /** @internal Shows the error or offline state; offline, `retry` runs when the network returns. */
  failed(error: unknown, retry: () => void): void {
    // A fetch that never reached the server: the client's NetworkError or TimeoutError, or a
    // bare fetch's TypeError; or the browser knows it is offline. (Runs in a browser only.)
    const offline =
      !navigator.onLine ||
      error instanceof TypeError ||
      /^(Network|Timeout)Error$/.test((error as Error)?.name);
    this.current = offline ? 'offline' : 'error';
    this.stopWaitingForNetwork();
    if (offline) {
      this.retryOnline = () => {
        this.stopWaitingForNetwork();
        retry();
      };
      window.addEventListener('online', this.retryOnline);
    }
  }

  private stopWaitingForNetwork(): void {
    if (this.retryOnline) window.removeEventListener('online', this.retryOnline);
    this.retryOnline = undefined;
  }

  private retry = (): void => {
    this.stopWaitingForNetwork();
    if (this.pendingSend && parts.value) void parts.value.send(this);
    else void this.load();
  };

  /** @internal The words of a text in the element's language. */
  words(text: LocalizedText | Message): string {
    return this.localize(text);
  }

  override render() {
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.localize(m.title)}</h2>
      ${this.body()}
    </section>`;
  }

  private body() {
    switch (this.current) {
      case 'loading':
        return html`<p role="status" class="muted">${this.localize(m.loading)}</p>`;
      case 'not_yet':
        return html`<p part="message" class="message">${this.localize(m.notYet)}</p>`;
      case 'open':
      case 'editing':
      case 'submitted':
      case 'answered':
      case 'closed': {
        if (this.current === 'closed' && !this.status?.response) {
          return html`<p part="message" class="message">${this.localize(m.closed)}</p>`;
        }
        // The form and the answers arrive in their own module, fetched with the first load.
        const module = parts.value;
        if (!module) {
          void parts.load().then(() => this.requestUpdate());
          return html`<p role="status" class="muted">${this.localize(m.loading)}</p>`;
        }
        return module.renderSurvey(this, this.current);
      }
      case 'offline':
      case 'error':
        return html`<div part="message" class="message problem" role="alert">
          <p>${this.localize(this.current === 'offline' ? m.offline : m.error)}</p>
          <button type="button" @click=${this.retry}>${this.localize(m.retry)}</button>
        </div>`;
    }
  }
}
