import type { ChannelOption, Procedure, ProcedureCase, RequiredDocument } from '@egov-kit/schema';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { EgovElement, lazy } from '../base/egov-element.js';
import { localeOf, translate } from '../base/localization.js';
import { formatProcessingTime, formatVnd, isFreeText } from './format.js';
import {
  CHANNEL_NAMES,
  LEVEL_NAMES,
  detailMessages as m,
  ONLINE_LEVELS,
} from './procedure-detail.messages.js';
import { procedureDetailStyles } from './procedure-detail.styles.js';

/**
 * The part of `@egov-kit/client`'s `Client` the detail calls to load a procedure by code; the
 * client itself fits, and so does a test double.
 */
export interface ProcedureDetailClient {
  readonly procedures: {
    get(code: string, options?: { readonly signal?: AbortSignal }): Promise<Procedure>;
  };
}

/** The detail of `egov-apply`. */
export interface ApplyDetail {
  readonly procedure: Procedure;
}

type LoadState = 'idle' | 'loading' | 'not-found' | 'failed';

const AGENCY_ROLES = ['implementing', 'competent', 'delegated', 'coordinating'] as const;

/** The address to apply at, with `{code}` replaced; only web addresses, never `javascript:`. */
function applyUrl(template: string, code: string): string | undefined {
  const url = template.replaceAll('{code}', encodeURIComponent(code));
  return /^\s*(?:javascript|data|vbscript):/i.test(url) ? undefined : url;
}

const isWebUrl = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/** A text with markup in it (the same test as `sanitizeRichText`'s). */
const HAS_TAG = /<[a-z!/?]/i;

/**
 * DOMPurify is a third of the element's weight, and many procedures publish plain text only: it
 * is loaded with `import()` when a text with HTML is first shown.
 */
const sanitizer = lazy(() => import('../internal/rich-text.js'));

/** Plain text keeps its line breaks; Lit escapes it. */
const withBreaks = (text: string) =>
  text.split(/\r?\n/).map((line, index) => (index ? [html`<br>`, line] : line));

/**
 * The words of an HTML text, never its markup, while DOMPurify is not there: parsed by an inert
 * document (no scripts run, nothing is fetched) and shown as text.
 */
function wordsOf(text: string): string {
  const doc = new DOMParser().parseFromString(text, 'text/html');
  for (const hidden of doc.querySelectorAll('script, style, template, noscript')) hidden.remove();
  return doc.body.textContent ?? '';
}

/** The events of `egov-procedure-detail`, by name: their `detail`. */
export interface ProcedureDetailEvents {
  'egov-apply': ApplyDetail;
}

/**
 * @summary One administrative procedure (thủ tục hành chính) as a citizen needs it before
 * applying: what it is for, who may apply, the steps, the documents per case, the time limit and
 * fees per channel, where to apply, the legal basis, the online level in plain words, and the
 * apply action.
 *
 * Give it `procedure` (a `Procedure` of `@egov-kit/schema`), or `code` and a `client`
 * (`createClient()` of `@egov-kit/client`, or anything with `procedures.get(code)`): it then loads
 * the procedure itself, says so while loading, says plainly when no procedure has that code, and
 * offers "Try again" when loading failed (or the device is offline).
 *
 * The national database publishes descriptions, conditions, steps, results and notes as HTML.
 * Every such text is sanitised with DOMPurify before it is shown (DOMPurify is loaded with the
 * first text that has HTML in it; until then its words show as plain text): only paragraphs, line breaks,
 * lists, emphasis and links stay; links keep a web, mail or phone `href` and get
 * `rel="noopener noreferrer"`; every other attribute, image, script and style is removed.
 *
 * Fees are shown per channel, in đồng formatted for the reader ("50.000 ₫"); a channel with no
 * fee says "Miễn phí" / "Free of charge"; a fee the database gives only as words is shown as
 * published. A procedure that cannot be done online says so instead of offering to apply.
 *
 * Sections without content are left out. Headings start at `heading-level` (the procedure's
 * name) and sections take the next level, to fit the page's outline.
 *
 * @event egov-apply - The apply action was activated. Detail: `{ procedure }`. Cancelable:
 * `preventDefault()` also stops the `apply-href` link from being followed (for a router).
 *
 * @csspart base - The whole detail.
 * @csspart heading - The procedure's name.
 * @csspart section-heading - Each section's heading.
 * @csspart summary - The code, field, levels and online level.
 * @csspart online-level - The online level with its explanation.
 * @csspart section - Each section.
 * @csspart rich-text - Each sanitised published text.
 * @csspart channel - One way to apply (in person, online, by post) with its time limit and fees.
 * @csspart fees - The fees of one channel.
 * @csspart document - One required document.
 * @csspart apply - The apply link or button.
 * @csspart status - The loading message.
 * @csspart error - The not-found or failure message.
 * @csspart retry - The "Try again" button.
 *
 * @cssprop --egov-color-text - Text colour.
 * @cssprop --egov-color-border - Borders of the boxes.
 * @cssprop --egov-color-accent - Headings' accent, links and the apply button.
 * @cssprop --egov-color-error - Accent of the error box.
 * @cssprop --egov-color-focus - Focus outline.
 * @cssprop --egov-color-hint - Secondary text (counts, codes).
 */
export class EgovProcedureDetail extends EgovElement<ProcedureDetailEvents> {
  static override styles = procedureDetailStyles;

  /** The procedure shown. Set it, or let the element load it with `code` and `client`. */
  @property({ attribute: false }) procedure: Procedure | null = null;

  /** The national procedure code to load through `client`, e.g. `1.001193`. */
  @property() code = '';

  /** Where the loading happens: `createClient()` of `@egov-kit/client`, or anything that fits. */
  @property({ attribute: false }) client: ProcedureDetailClient | null = null;

  /**
   * Where applying happens, e.g. `/apply.html?code={code}` (`{code}` is replaced): the apply
   * action is then a link; without it, a button. `egov-apply` fires either way.
   */
  @property({ attribute: 'apply-href' }) applyHref = '';

  /** The heading level of the procedure's name; sections take the next level. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private loadState: LoadState = 'idle';
  @state() private offline = false;

  #abort: AbortController | undefined;
  /** Set while DOMPurify loads for a text this element shows; cleared once it is there. */
  #sanitizer: Promise<void> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      (changed.has('code') || changed.has('client')) &&
      this.client &&
      this.code &&
      this.procedure?.code !== this.code
    ) {
      void this.reload();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** Loads `code` again through `client` (the "Try again" button calls it). */
  async reload(): Promise<void> {
    const client = this.client;
    const code = this.code.trim();
    if (!client || !code) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loadState = 'loading';
    this.procedure = null;
    try {
      const procedure = await client.procedures.get(code, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.procedure = procedure;
      this.loadState = 'idle';
    } catch (error) {
      if (abort.signal.aborted) return;
      const e = (error ?? {}) as { status?: unknown; code?: unknown };
      this.offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      this.loadState = e.status === 404 || e.code === 'not_found' ? 'not-found' : 'failed';
    }
  }

  /** Resolves once DOMPurify is there and every HTML text shows sanitised, for a caller to see the whole. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#sanitizer) {
      await this.#sanitizer;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  override render() {
    const locale = localeOf(this);
    const procedure = this.procedure;
    return html`<article part="base" aria-busy=${this.loadState === 'loading' ? 'true' : 'false'}>
      ${this.renderState(locale)} ${procedure ? this.renderProcedure(procedure, locale) : nothing}
    </article>`;
  }

  private renderState(locale: string) {
    switch (this.loadState) {
      case 'loading':
        return html`<p part="status" class="status" role="status">${translate(m.loading, locale)}</p>`;
      case 'not-found':
        return html`<div part="error" class="error" role="alert">
          <p>${translate(m.notFound(this.code), locale)}</p>
        </div>`;
      case 'failed':
        return html`<div part="error" class="error" role="alert">
          <p>${translate(this.offline ? m.offline : m.failed, locale)}</p>
          <button part="retry" type="button" @click=${() => this.reload()}>
            ${translate(m.retry, locale)}
          </button>
        </div>`;
      default:
        return nothing;
    }
  }

  private heading(level: number, text: string, part = 'section-heading', lang?: string) {
    return html`<div
      role="heading"
      aria-level=${Math.min(level, 6)}
      part=${part}
      lang=${lang ?? nothing}
      class="h${Math.min(level - this.headingLevel + 1, 3)}"
    >${text}</div>`;
  }

  private rich(text: string | undefined) {
    if (!text?.trim()) return nothing;
    let body: unknown;
    if (!HAS_TAG.test(text)) body = withBreaks(text);
    else if (sanitizer.value) body = unsafeHTML(sanitizer.value.sanitizeRichText(text));
    else {
      // Offline, or the chunk is gone: the words stay plain, and the next render tries again.
      this.#sanitizer ??= sanitizer.load().then(
        () => {
          this.#sanitizer = undefined;
          this.requestUpdate();
        },
        () => {
          this.#sanitizer = undefined;
        },
      );
      body = wordsOf(text);
    }
    // Published texts are Vietnamese: said so, for a screen reader on an English page.
    return html`<div part="rich-text" class="rich" lang="vi">${body}</div>`;
  }

  private section(title: string, body: TemplateResult | TemplateResult[], level: number) {
    return html`<section part="section" class="section">${this.heading(level, title)}${body}</section>`;
  }

  private renderProcedure(procedure: Procedure, locale: string) {
    const sub = this.headingLevel + 1;
    const online = ONLINE_LEVELS[procedure.onlineLevel];
    const agencies = AGENCY_ROLES.filter((role) => procedure.agencies[role].length);
    const cases = procedure.cases;
    const several = cases.length > 1;
    return html`
      ${this.heading(this.headingLevel, procedure.name, 'heading', 'vi')}
      <dl part="summary" class="summary">
        <div><dt>${translate(m.code, locale)}</dt><dd>${procedure.code}</dd></div>
        ${procedure.field ? html`<div><dt>${translate(m.field, locale)}</dt><dd lang="vi">${procedure.field}</dd></div>` : nothing}
        <div>
          <dt>${translate(m.level, locale)}</dt>
          <dd>${procedure.levels.map((level) => translate(LEVEL_NAMES[level], locale)).join(', ')}</dd>
        </div>
        ${procedure.type ? html`<div><dt>${translate(m.type, locale)}</dt><dd lang="vi">${procedure.type}</dd></div>` : nothing}
        ${procedure.decision ? html`<div><dt>${translate(m.decision, locale)}</dt><dd lang="vi">${procedure.decision}</dd></div>` : nothing}
      </dl>
      <div part="online-level" class="online online-${procedure.onlineLevel}">
        <p><strong>${translate(m.online, locale)}: ${translate(online.name, locale)}.</strong> ${translate(online.explained, locale)}</p>
      </div>
      ${procedure.description?.trim() ? this.section(translate(m.about, locale), html`${this.rich(procedure.description)}`, sub) : nothing}
      ${
        procedure.targetGroups.length || procedure.conditions?.trim()
          ? this.section(
              translate(m.who, locale),
              html`${
                procedure.targetGroups.length
                  ? html`<ul class="groups" lang="vi">${procedure.targetGroups.map((group) => html`<li>${group}</li>`)}</ul>`
                  : nothing
              }
              ${
                procedure.conditions?.trim()
                  ? html`<div role="heading" aria-level=${Math.min(sub + 1, 6)} class="h3">${translate(m.conditions, locale)}</div>
                    ${this.rich(procedure.conditions)}`
                  : nothing
              }`,
              sub,
            )
          : nothing
      }
      ${
        procedure.steps.length
          ? this.section(
              translate(m.steps, locale),
              html`<ol class="steps">${procedure.steps.map((step) => html`<li>${this.rich(step)}</li>`)}</ol>`,
              sub,
            )
          : nothing
      }
      ${
        cases.some((c) => c.channels.length)
          ? this.section(
              translate(m.channels, locale),
              cases
                .filter((c) => c.channels.length)
                .map(
                  (c) =>
                    html`${several ? this.caseHeading(c, sub + 1) : nothing}
                    <ul class="channels">${c.channels.map((channel) => this.renderChannel(channel, locale))}</ul>`,
                ),
              sub,
            )
          : nothing
      }
      ${
        cases.some((c) => c.documents.length)
          ? this.section(
              translate(m.documents, locale),
              cases
                .filter((c) => c.documents.length)
                .map(
                  (c) =>
                    html`${several ? this.caseHeading(c, sub + 1) : nothing}
                    <ol class="documents">${c.documents.map((document) => this.renderDocument(document, locale))}</ol>`,
                ),
              sub,
            )
          : nothing
      }
      ${
        procedure.results.length
          ? this.section(
              translate(m.results, locale),
              html`<ul class="results">${procedure.results.map((result) => html`<li>${this.rich(result)}</li>`)}</ul>`,
              sub,
            )
          : nothing
      }
      ${
        agencies.length || procedure.receivingAddress?.trim()
          ? this.section(
              translate(m.where, locale),
              html`<dl class="pairs">
                ${agencies.map(
                  (role) => html`<div>
                    <dt>${translate(m[role], locale)}</dt>
                    <dd lang="vi">${procedure.agencies[role].join('; ')}</dd>
                  </div>`,
                )}
                ${
                  procedure.receivingAddress?.trim()
                    ? html`<div><dt>${translate(m.address, locale)}</dt><dd>${this.rich(procedure.receivingAddress)}</dd></div>`
                    : nothing
                }
              </dl>`,
              sub,
            )
          : nothing
      }
      ${
        procedure.legalBasis.length
          ? this.section(
              translate(m.legal, locale),
              html`<ul class="legal" lang="vi">
                ${procedure.legalBasis.map(
                  (basis) => html`<li>
                    <strong>${basis.number}</strong>${basis.title && basis.title !== basis.number ? html` — ${basis.title}` : nothing}
                  </li>`,
                )}
              </ul>`,
              sub,
            )
          : nothing
      }
      ${this.renderApply(procedure, locale)}
    `;
  }

  private caseHeading(procedureCase: ProcedureCase, level: number) {
    return html`<div role="heading" aria-level=${Math.min(level, 6)} class="h3 case" lang="vi">${procedureCase.name}</div>`;
  }

  private renderChannel(channel: ChannelOption, locale: string) {
    const time = channel.processingTime
      ? formatProcessingTime(channel.processingTime, locale)
      : channel.processingTimeText?.trim() || translate(m.notStated, locale);
    return html`<li part="channel" class="channel">
      <p class="channel-name"><strong>${translate(CHANNEL_NAMES[channel.channel], locale)}</strong></p>
      <dl class="pairs">
        <div><dt>${translate(m.time, locale)}</dt><dd>${time}</dd></div>
        <div><dt>${translate(m.fees, locale)}</dt><dd part="fees">${this.renderFees(channel, locale)}</dd></div>
        ${
          channel.description?.trim()
            ? html`<div><dt>${translate(m.note, locale)}</dt><dd>${this.rich(channel.description)}</dd></div>`
            : nothing
        }
      </dl>
    </li>`;
  }

  private renderFees(channel: ChannelOption, locale: string) {
    const { fees, feeText } = channel;
    const charged = fees.filter((fee) => fee.amount > 0);
    if (!charged.length) {
      // The importer leaves `fees` empty both for "0 đồng" and for a fee it could not read as
      // numbers ("50% of the rate in Circular 249/2016"): only the first is free.
      return isFreeText(feeText)
        ? html`<strong class="free">${translate(m.free, locale)}</strong>`
        : this.rich(feeText);
    }
    const lines = feeText?.split(/\r?\n/).filter((line) => /\S/.test(line)) ?? [];
    return html`<ul class="fee-list">
        ${charged.map(
          (fee) => html`<li>
            ${fee.kind === 'charge' ? translate(m.charge, locale) : translate(m.fee, locale)}:
            <strong>${formatVnd(fee.amount, locale)}</strong>${fee.note ? html` — <span lang="vi">${fee.note}</span>` : nothing}
          </li>`,
        )}
      </ul>
      ${
        // Some of the published text was not read as đồng amounts (a fee in USD, a percentage):
        // keep it, word for word, rather than show an incomplete list as the whole truth.
        feeText && lines.length > charged.length
          ? html`<div class="as-published">
            <p>${translate(m.asPublished, locale)}:</p>
            ${this.rich(feeText)}
          </div>`
          : nothing
      }`;
  }

  private renderDocument(document: RequiredDocument, locale: string) {
    const counts = [
      document.originals ? translate(m.original(document.originals), locale) : '',
      document.copies ? translate(m.copy(document.copies), locale) : '',
    ]
      .filter(Boolean)
      .join(', ');
    const template = document.template;
    return html`<li part="document" class="document">
      <p class="document-name" lang="vi">${document.name}</p>
      <p class="document-meta">
        <span class="flag ${document.required ? 'required' : 'optional'}">${translate(document.required ? (document.onlineForm ? m.onlineForm : m.required) : m.ifApplicable, locale)}</span>${counts ? html` · ${counts}` : nothing}
      </p>
      ${
        template && isWebUrl(template.url)
          ? html`<p><a href=${template.url} rel="noopener noreferrer">${translate(m.download(template.name), locale)}</a></p>`
          : template && template.name !== document.name
            ? html`<p>${translate(m.template, locale)} ${template.name}</p>`
            : nothing
      }
      ${this.rich(document.note)}
    </li>`;
  }

  private renderApply(procedure: Procedure, locale: string) {
    if (procedure.onlineLevel === 'none') {
      return html`<p class="not-online">${translate(m.notOnline, locale)}</p>`;
    }
    const href = this.applyHref ? applyUrl(this.applyHref, procedure.code) : undefined;
    const onClick = (event: Event) => {
      const go = this.emit('egov-apply', { procedure });
      if (!go) event.preventDefault();
    };
    return html`<p class="apply-row">
      ${
        href
          ? html`<a part="apply" class="button" href=${href} @click=${onClick}>${translate(m.apply, locale)}</a>`
          : html`<button part="apply" type="button" @click=${onClick}>${translate(m.apply, locale)}</button>`
      }
    </p>`;
  }
}
