import type { LookupResult } from '@egov-kit/schema';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { EgovElement } from '../base/egov-element.js';
import { localeOf, translate } from '../base/localization.js';
import type { ProcedureSource, TrackerClient } from '../dossier-tracker/dossier-tracker.js';
import { loadErrorMessage } from '../internal/load-errors.js';
import { LOAD_ERRORS } from '../internal/tracking.messages.js';
import { lookupMessages as words } from './dossier-lookup.messages.js';
import { dossierLookupStyles } from './dossier-lookup.styles.js';

/** The part of `@egov-kit/client`'s `Client` the lookup calls. */
export type LookupClient = {
  readonly dossiers: Pick<TrackerClient['dossiers'], 'lookup'>;
  /** Names the documents a supplement request asks for (the client's `procedures` fits). */
  readonly procedures?: ProcedureSource;
};

/** `detail` of `egov-dossier-found`. */
export interface DossierFoundDetail {
  readonly result: LookupResult;
}

type Field = 'code' | 'verifier';

/** The tracker's parts, re-exported as `tracker-status`, `tracker-due`, … (see the tracker). */
const TRACKER_PARTS = [
  'base',
  'status',
  'due',
  'overdue',
  'extension',
  'action',
  'action-button',
  'next',
  'timeline',
  'event',
  'error',
]
  .map((part) => `${part}:tracker-${part}`)
  .join(',');
/** The events of `egov-dossier-lookup`, by name: their `detail`. */
export interface DossierLookupEvents {
  'egov-dossier-found': DossierFoundDetail;
}

/**
 * @summary Look a dossier up by the code and verification code printed on its receipt, and
 * see it in `egov-dossier-tracker` — no sign-in, no personal data shown.
 *
 * A wrong code (`unknown_code`, 404) is shown at the code field, a wrong verifier
 * (`wrong_verifier`, 403) at the verifier field, and rate limiting (429) says when to try again
 * (from `Retry-After`); the focus goes to the message. With `read-url`, the code and verifier
 * come from the page's `#code=…&verifier=…` (the receipt's QR code; `?code=…&verifier=…` from
 * older receipts), are removed from the address bar, and the lookup runs at once.
 *
 * @event egov-dossier-found - A lookup succeeded (`detail`: {@link DossierFoundDetail}).
 *
 * @csspart form - The form.
 * @csspart input - Each input.
 * @csspart submit - The submit button.
 * @csspart error - A message for the whole form (rate limiting, network).
 * @csspart field-error - A field's message.
 * @csspart tracker - The `egov-dossier-tracker` showing the result.
 * @csspart tracker-status - The tracker's parts, re-exported with a `tracker-` prefix: also
 *   `tracker-base`, `tracker-due`, `tracker-overdue`, `tracker-extension`, `tracker-action`,
 *   `tracker-action-button`, `tracker-next`, `tracker-timeline`, `tracker-event`, `tracker-error`.
 *
 * @cssprop --egov-color-error - Error accent.
 * @cssprop --egov-color-accent - Button colour.
 * @cssprop --egov-color-focus - Focus outline.
 */
export class EgovDossierLookup extends EgovElement<DossierLookupEvents> {
  static override styles = dossierLookupStyles;

  /** Where the lookup happens: `createClient()` of `@egov-kit/client`, or anything that fits. */
  @property({ attribute: false }) client: LookupClient | null = null;

  /** The dossier code, typed or given. */
  @property() code = '';

  /** The verification code, typed or given. */
  @property() verifier = '';

  /** Reads `code` and `verifier` from the page address and looks up at once (the receipt's QR). */
  @property({ type: Boolean, attribute: 'read-url' }) readUrl = false;

  /** The heading level, to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** "Now" for the tracker's days left (tests and stories). */
  @property({ attribute: false }) now: Date | null = null;

  @state() private result: LookupResult | null = null;
  @state() private busy = false;
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  /** What the polite live region says after a lookup (present from the start, so it is heard). */
  @state() private announcement = '';

  @query('[part="error"]') private errorBox?: HTMLElement | null;

  override connectedCallback() {
    super.connectedCallback();
    if (this.readUrl) {
      // The receipt's QR puts them in the fragment; receipts printed before did in the query.
      const fragment = new URLSearchParams(location.hash.slice(1));
      const query = new URLSearchParams(location.search);
      const from = fragment.has('verifier') || fragment.has('code') ? fragment : query;
      this.code = from.get('code') ?? this.code;
      this.verifier = from.get('verifier') ?? this.verifier;
      if (from.has('verifier')) {
        // Out of the address bar and the history once read: a shared or bookmarked address
        // must not carry the verifier.
        const url = new URL(location.href);
        url.hash = '';
        url.searchParams.delete('code');
        url.searchParams.delete('verifier');
        history.replaceState(history.state, '', url.href);
      }
      if (this.code && this.verifier) void this.updateComplete.then(() => this.lookup());
    }
  }

  /** Looks up the current code and verifier; resolves when the answer (or error) is shown. */
  async lookup(): Promise<void> {
    const locale = localeOf(this);
    const code = this.code.trim();
    const verifier = this.verifier.trim();
    const errors: Partial<Record<Field, string>> = {};
    if (!code) errors.code = translate(words.codeMissing, locale);
    if (verifier.length < 4) errors.verifier = translate(words.verifierMissing, locale);
    this.fieldErrors = errors;
    this.formError = '';
    if (errors.code || errors.verifier || !this.client) return this.focusError();
    this.busy = true;
    this.announcement = '';
    try {
      const result = await this.client.dossiers.lookup({ code, verifier });
      this.result = result;
      this.announcement = `${translate(words.found, locale)} ${result.dossier.code}.`;
      // The answer is below the form: take keyboard and screen-reader users to it (WCAG 4.1.3,
      // 2.4.3); the status heading reads the dossier's status when focused.
      await this.updateComplete;
      await this.renderRoot
        .querySelector<HTMLElement & { focusStatus?: () => Promise<void> }>('egov-dossier-tracker')
        ?.focusStatus?.();
      this.emit('egov-dossier-found', { result });
    } catch (error) {
      this.result = null;
      const message = loadErrorMessage(error, locale);
      if (message === translate(LOAD_ERRORS.noMatch, locale))
        this.fieldErrors = { code: message, verifier: message };
      else if (message === translate(LOAD_ERRORS.unknownCode, locale))
        this.fieldErrors = { code: message };
      else if (message === translate(LOAD_ERRORS.wrongVerifier, locale))
        this.fieldErrors = { verifier: message };
      else this.formError = message;
      await this.focusError();
    } finally {
      this.busy = false;
    }
  }

  private async focusError() {
    await this.updateComplete;
    const field = this.fieldErrors.code ? 'code' : this.fieldErrors.verifier ? 'verifier' : '';
    if (field) this.renderRoot.querySelector<HTMLInputElement>(`#${field}`)?.focus();
    else this.errorBox?.focus();
  }

  override render() {
    const locale = localeOf(this);
    return html`
      <div role="heading" aria-level=${this.headingLevel} class="h1">${translate(words.heading, locale)}</div>
      <p>${translate(words.intro, locale)}</p>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${
        this.formError
          ? html`<div part="error" class="error" role="alert" tabindex="-1"><p>${this.formError}</p></div>`
          : nothing
      }
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${this.field('code', locale, this.code, 'characters')}
        ${this.field('verifier', locale, this.verifier, 'characters')}
        <button part="submit" type="submit" ?disabled=${this.busy} aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? translate(words.searching, locale) : translate(words.submit, locale)}
        </button>
      </form>
      ${
        this.result
          ? html`<egov-dossier-tracker
            part="tracker"
            exportparts=${TRACKER_PARTS}
            heading-level=${this.headingLevel + 1}
            procedure-name=${this.result.procedureName}
            .dossier=${this.result.dossier}
            .events=${this.result.events}
            .procedures=${this.client?.procedures ?? null}
            .now=${this.now}
          ></egov-dossier-tracker>`
          : nothing
      }
    `;
  }

  private field(name: Field, locale: string, value: string, capitalize: string) {
    const error = this.fieldErrors[name];
    const hint = name === 'code' ? words.codeHint : words.verifierHint;
    return html`<div class="field ${error ? 'invalid' : ''}">
      <label for=${name}>${translate(words[name], locale)}</label>
      <p class="hint" id="${name}-hint">${translate(hint, locale)}</p>
      ${
        error
          ? html`<p part="field-error" class="field-error" id="${name}-error">
            <span class="visually-hidden">${translate(words.errorPrefix, locale)}</span> ${error}
          </p>`
          : nothing
      }
      <input
        part="input"
        id=${name}
        name=${name}
        .value=${value}
        autocapitalize=${capitalize}
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}"
        @input=${(event: Event) => {
          this[name] = (event.target as HTMLInputElement).value;
        }}
      />
    </div>`;
  }

  private onSubmit = (event: Event) => {
    event.preventDefault();
    void this.lookup();
  };
}
