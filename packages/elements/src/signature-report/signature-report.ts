import type { ChangeKind } from '@egov-kit/signing';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { EgovElement } from '../base/egov-element.js';
import { intlLocale, localeOf, type Translatable, translate } from '../base/localization.js';
import {
  type ChangeLine,
  type ReportEntry,
  type ReportModel,
  type RevocationLine,
  reportModel,
  type SignatureReportResult,
  type Verdict,
} from './report-model.js';
import { signatureReportMessages as t } from './signature-report.messages.js';
import { signatureReportStyles } from './signature-report.styles.js';

/**
 * @summary Shows the result of a signature check so that a person can decide: valid, not valid,
 * or cannot be decided yet — and why, for every signature.
 *
 * Give it `result`: what `verifyPades` (a PDF) or `verifyCades` (a detached `.p7s`) of
 * `@egov-kit/signing` returned. It shows the verdict with an icon and a word (never colour
 * alone) in a status region, the plain sentence in the page's language, and for each signature:
 * who signed (common name, and the identifier — CCCD, MST — the certificate carries), the
 * authorities that issued the certificate, the time a time-stamp proves against the time the
 * signer only claims, whether revocation was checked online, from the document or not at all,
 * what a PDF's later revisions changed, and a collapsible technical detail (ETSI EN 319 102-1
 * indication, sub-indication, reason) for officials.
 *
 * The element only reads the result: it imports nothing from `@egov-kit/signing` at run time.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The heading.
 * @csspart verdict - The overall verdict (a status region): icon, word and sentence.
 * @csspart signatures - The list of signatures.
 * @csspart signature - One signature or document time-stamp.
 * @csspart signature-verdict - One signature's verdict.
 * @csspart technical - The technical details (a `<details>` element).
 *
 * @cssprop --egov-color-success - The "valid" colour.
 * @cssprop --egov-color-error - The "not valid" colour.
 * @cssprop --egov-color-warning - The "cannot be decided yet" colour.
 * @cssprop --egov-color-border - Card borders.
 * @cssprop --egov-color-hint - Secondary text colour.
 * @cssprop --egov-color-focus - Focus outline colour.
 */
export class EgovSignatureReport extends EgovElement {
  static override styles = signatureReportStyles;

  /**
   * The check to show: a `PadesVerification` (of `verifyPades`) or a `SignatureVerification`
   * (of `verifyCades`). Nothing is shown but "no check yet" without one.
   */
  @property({ attribute: false }) result?: SignatureReportResult;

  /** The heading; "Kết quả kiểm tra chữ ký số" / "Signature check" by default. */
  @property() heading = '';

  /** The heading level of the report's title, to fit the page's outline; signatures get the next. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * The IANA time zone to show times in, e.g. `Asia/Ho_Chi_Minh`; the browser's by default.
   * Times always show their UTC offset.
   */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** The verdict now shown: `valid`, `invalid`, `indeterminate`, or `undefined` without a result. */
  get verdict(): Verdict | undefined {
    return this.result ? reportModel(this.result).verdict : undefined;
  }

  override render() {
    const locale = localeOf(this);
    const level = Math.min(Math.max(this.headingLevel, 1), 6);
    const model = this.result ? reportModel(this.result) : undefined;
    return html`<section part="base" class="base" aria-labelledby="heading">
      <div role="heading" aria-level=${level} id="heading" part="heading" class="heading">
        ${this.heading || translate(t.heading, locale)}
      </div>
      ${model ? this.renderModel(model, locale, level) : html`<p part="verdict" class="empty" role="status">${translate(t.empty, locale)}</p>`}
    </section>`;
  }

  private renderModel(model: ReportModel, locale: string, level: number) {
    const signatures = model.entries.filter((entry) => entry.type === 'signature').length;
    const stamps = model.entries.filter((entry) => entry.type === 'document-timestamp').length;
    let signatureIndex = 0;
    let stampIndex = 0;
    return html`
      <div part="verdict" class="verdict ${model.verdict}" role="status">
        ${icon(model.verdict)}
        <div>
          <p class="verdict-word"><strong>${translate(t.verdict[model.verdict], locale)}</strong></p>
          <p class="sentence">${translate(model.message, locale)}</p>
          ${model.verdict === 'indeterminate' ? html`<p class="advice">${translate(t.indeterminateAdvice, locale)}</p>` : nothing}
        </div>
      </div>
      ${
        model.entries.length
          ? html`<ol part="signatures" class="entries">
              ${model.entries.map((entry) => {
                const title =
                  entry.type === 'signature'
                    ? t.signatureTitle(
                        ++signatureIndex,
                        signatures,
                        entry.who ?? translate(t.unknownSigner, locale),
                      )
                    : t.timestampTitle(++stampIndex, stamps);
                return this.renderEntry(
                  entry,
                  translate(title, locale),
                  locale,
                  Math.min(level + 1, 6),
                  model.message,
                );
              })}
            </ol>`
          : nothing
      }
    `;
  }

  private renderEntry(
    entry: ReportEntry,
    title: string,
    locale: string,
    level: number,
    overall: Translatable,
  ) {
    // The verdict above already says it when it is this signature's own sentence.
    const showVerdictSentence =
      entry.message &&
      entry.verdict !== 'valid' &&
      translate(entry.message, locale) !== translate(overall, locale)
        ? translate(entry.message, locale)
        : undefined;
    return html`<li part="signature" class="entry ${entry.verdict}">
      <div role="heading" aria-level=${level} class="entry-title">${title}</div>
      <p part="signature-verdict" class="entry-verdict ${entry.verdict}">
        ${icon(entry.verdict)}
        <span><strong>${translate(t.verdict[entry.verdict], locale)}</strong>${showVerdictSentence ? html` — ${showVerdictSentence}` : nothing}</span>
      </p>
      <dl>
        ${entry.type === 'signature' ? this.renderSigner(entry, locale) : this.renderStamp(entry, locale)}
      </dl>
      ${this.renderTechnical(entry, locale)}
    </li>`;
  }

  private renderSigner(entry: ReportEntry, locale: string) {
    return html`
      ${row(translate(t.signedBy, locale), entry.who ?? translate(t.unknownSigner, locale), 'who')}
      ${entry.identifiers.length ? row(translate(t.identifier, locale), entry.identifiers.join(', '), 'identifier') : nothing}
      ${entry.organization ? row(translate(t.organization, locale), entry.organization) : nothing}
      ${row(translate(t.issuedBy, locale), this.renderChain(entry, locale), 'issuer')}
      ${row(
        translate(t.timeProven, locale),
        entry.proven
          ? translate(
              t.provenBy(
                this.formatTime(entry.proven.time, locale),
                entry.proven.authority,
                entry.proven.kind,
              ),
              locale,
            )
          : translate(t.noProof, locale),
        'proven',
      )}
      ${row(
        translate(t.timeClaimed, locale),
        entry.claimed
          ? html`${this.formatTime(entry.claimed, locale)} <span class="hint">${translate(t.claimedNote, locale)}</span>`
          : translate(t.notClaimed, locale),
        'claimed',
      )}
      ${row(translate(t.revocation, locale), this.revocationText(entry.revocation, locale), 'revocation')}
      ${entry.changes ? row(translate(t.changes, locale), changeText(entry.changes, locale), 'changes') : nothing}
      ${entry.certification ? row('', translate(t.certified(entry.certification), locale), 'certification') : nothing}
      ${
        entry.reason || entry.location
          ? row(
              translate(t.reasonLocation, locale),
              [entry.reason, entry.location].filter(Boolean).join(' — '),
            )
          : nothing
      }
    `;
  }

  private renderStamp(entry: ReportEntry, locale: string) {
    return html`
      ${row(translate(t.timestampAuthority, locale), entry.who ?? translate(t.unknownSigner, locale), 'who')}
      ${entry.chain.length ? row(translate(t.issuedBy, locale), this.renderChain(entry, locale), 'issuer') : nothing}
      ${row(
        translate(t.timestampTime, locale),
        entry.proven ? this.formatTime(entry.proven.time, locale) : translate(t.noProof, locale),
        'proven',
      )}
    `;
  }

  private renderChain(entry: ReportEntry, locale: string) {
    if (!entry.chain.length)
      return entry.issuer ? translate(t.chainNotChecked(entry.issuer), locale) : '—';
    if (entry.chain.length === 1) return entry.chain[0] ?? '—';
    // The signer's own CA first, the trusted root last.
    return html`<ol class="chain">
      ${entry.chain.map(
        (name, index) =>
          html`<li>${name}${entry.chainTrusted && index === entry.chain.length - 1 ? html` <span class="hint">(${translate(t.trustedRoot, locale)})</span>` : nothing}</li>`,
      )}
    </ol>`;
  }

  private revocationText(line: RevocationLine, locale: string): string {
    switch (line.kind) {
      case 'good': {
        const { status } = line;
        const source = t.revocationSource(
          status.source,
          this.formatTime(status.thisUpdate, locale),
        );
        return `${translate(t.notRevoked, locale)} — ${translate(t.origin[status.origin], locale)} (${translate(source, locale)})`;
      }
      case 'revoked': {
        const { status } = line;
        return `${translate(t.revokedOn(this.formatTime(status.revokedAt, locale), status.reason), locale)} — ${translate(t.origin[status.origin], locale)}`;
      }
      case 'revoked-failure':
        return translate(t.revocationRevokedFailure, locale);
      case 'ca-revoked':
        return translate(t.revocationCaRevoked, locale);
      case 'unknown':
        return translate(t.revocationUnknown, locale);
      case 'skipped':
        return translate(t.revocationSkipped, locale);
      case 'not-checked':
        return translate(t.revocationNotChecked, locale);
    }
  }

  private renderTechnical(entry: ReportEntry, locale: string) {
    const tech = entry.technical;
    const lines: [Translatable, string | undefined][] = [
      [t.indication, tech.indication],
      [t.subIndication, tech.subIndication],
      [t.code, tech.code],
      [t.detail, tech.reason],
      [t.field, tech.fieldName],
      [t.format, tech.subFilter],
      [t.algorithms, tech.algorithms],
      [t.subject, tech.subject],
      [t.serial, tech.serialNumber],
      [
        t.byteRange,
        tech.byteRange
          ? `[${tech.byteRange.join(' ')}] ${
              tech.coversWholeFile === undefined
                ? ''
                : translate(tech.coversWholeFile ? t.wholeFile : t.notWholeFile, locale)
            }`.trim()
          : undefined,
      ],
      [
        t.checkedAt,
        entry.checkedAt && entry.checkedAtSource
          ? `${this.formatTime(entry.checkedAt, locale)} (${translate(t.checkedAtSource[entry.checkedAtSource], locale)})`
          : undefined,
      ],
      [t.changeDetails, tech.changeDetails.length ? tech.changeDetails.join('; ') : undefined],
    ];
    return html`<details part="technical" class="technical">
      <summary>${translate(t.technical, locale)}</summary>
      <dl>
        ${lines.map(([label, value]) => (value ? row(translate(label, locale), value, undefined, 'code') : nothing))}
      </dl>
    </details>`;
  }

  private formatTime(date: Date, locale: string): string {
    const zone = this.timeZone ? { timeZone: this.timeZone } : {};
    const day = date.toLocaleDateString(intlLocale(locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...zone,
    });
    const time = date.toLocaleTimeString(intlLocale(locale), {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'shortOffset',
      ...zone,
    });
    return translate(t.dateTime(day, time), locale);
  }
}

function row(
  label: string,
  value: string | TemplateResult,
  name?: string,
  valueClass = '',
): TemplateResult {
  return html`<div class="row" data-row=${name ?? nothing}>
    ${label ? html`<dt>${label}</dt>` : nothing}
    <dd class=${valueClass || nothing} ?data-full=${!label}>${value}</dd>
  </div>`;
}

function changeText(line: ChangeLine, locale: string): string {
  switch (line.kind) {
    case 'none':
      return translate(t.changeNone, locale);
    case 'validation-data':
      return translate(t.changeValidationData, locale);
    case 'page-content':
      return translate(t.changePageContent, locale);
    case 'allowed':
      return translate(t.changeAllowed(kindsText(line.what, locale), line.certified), locale);
    case 'forbidden':
      return translate(t.changeForbidden(kindsText(line.what, locale)), locale);
  }
}

function kindsText(kinds: readonly ChangeKind[], locale: string): string {
  return kinds
    .map((kind) => translate(t.changeKinds[kind], locale))
    .join(translate(t.joinAnd, locale));
}

/** The verdict's icon: a shape for each, so that colour is never the only sign. */
function icon(verdict: Verdict) {
  const shapes = {
    valid: svg`<circle cx="12" cy="12" r="11" fill="currentColor"/><path d="M6.5 12.5l3.5 3.5 7.5-8" class="mark" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`,
    invalid: svg`<circle cx="12" cy="12" r="11" fill="currentColor"/><path d="M8 8l8 8M16 8l-8 8" class="mark" stroke-width="2.5" stroke-linecap="round"/>`,
    indeterminate: svg`<path d="M12 1.5L23 21.5H1z" fill="currentColor" stroke="currentColor" stroke-linejoin="round"/><path d="M12 8.5v6" class="mark" stroke-width="2.5" stroke-linecap="round"/><circle cx="12" cy="18" r="1.5" class="dot"/>`,
  } as const;
  return html`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${shapes[verdict]}</svg>`;
}
