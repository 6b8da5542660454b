import type { Applicant, Dossier, Procedure, RequiredDocument } from '@egov-kit/schema';
import { html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { encode } from 'uqr';
import { EgovElement } from '../base/egov-element.js';
import { localeOf, translate } from '../base/localization.js';
import { STATUS_NAMES } from '../internal/status.messages.js';
import { CHANNELS, receiptMessages as words } from './receipt.messages.js';
import { receiptStyles } from './receipt.styles.js';

/**
 * The dossier as the receipt needs it: a full `Dossier` fits. Only `code` is required to print
 * one; every other line says plainly when it is missing rather than printing a blank.
 */
export type ReceiptDossier = Pick<Dossier, 'code' | 'status' | 'documents'> &
  Partial<
    Pick<
      Dossier,
      'verifier' | 'applicant' | 'receivedAt' | 'dueAt' | 'caseCode' | 'channel' | 'submittedAt'
    >
  >;

/** The procedure as the receipt needs it: its name, and its cases to name the documents. */
export type ReceiptProcedure = Pick<Procedure, 'name'> & Partial<Pick<Procedure, 'code' | 'cases'>>;

/** The events of `egov-receipt`, by name: their `detail`. */
export interface ReceiptEvents {
  'egov-receipt-print': undefined;
}

/**
 * @summary The "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (Circular 01/2018/TT-VPCP, form 01)
 * for a received dossier: agency, applicant, request, documents received, receipt and due
 * date, the dossier code and verification code, and a QR code that opens the public lookup.
 *
 * Printable on one A4 page (`@media print` drops the screen-only parts and sets a serif type
 * as official papers use), and readable on a 360 px phone, where the QR moves under the codes.
 * The QR code holds exactly `lookupHref`: `lookup-url` with `code` and
 * `verifier` added in the fragment — what `<egov-dossier-lookup read-url>` reads. It is
 * drawn as an inline SVG (no image request, sharp at any print resolution).
 *
 * @event egov-receipt-print - The citizen pressed the print button, before the print dialog
 * opens. Cancelable: `preventDefault()` keeps the browser's dialog closed (to print elsewhere).
 *
 * @csspart base - The whole receipt.
 * @csspart header - The national heading and the agency.
 * @csspart title - The receipt's title.
 * @csspart codes - The box with the dossier code and verification code.
 * @csspart qr - The QR code's figure (the SVG and its caption).
 * @csspart details - The list of applicant, request and dates.
 * @csspart documents - The list of documents received.
 * @csspart due - The result date; has the class `missing` when none is set.
 * @csspart print - The print button (screen only).
 *
 * @cssprop --egov-color-text - Text colour, and the QR code's dark modules.
 * @cssprop --egov-color-border - Box borders.
 * @cssprop --egov-color-accent - Print button and the codes' accent.
 * @cssprop --egov-color-focus - Focus outline.
 */
export class EgovReceipt extends EgovElement<ReceiptEvents> {
  static override styles = receiptStyles;

  /** The received dossier: `code`, `verifier`, `applicant`, `receivedAt`, `dueAt`, `documents`. */
  @property({ attribute: false }) dossier: ReceiptDossier | null = null;

  /** The procedure: its name is the request; its cases name the documents received. */
  @property({ attribute: false }) procedure: ReceiptProcedure | null = null;

  /** The agency that received the dossier (e.g. "Ủy ban nhân dân xã Hòa Vang"). */
  @property() agency = '';

  /** The official who received it, printed under the signature line. */
  @property({ attribute: 'received-by' }) receivedBy = '';

  /**
   * Where the applicant collects the result (Mẫu 01, item 6): "Bộ phận Một cửa UBND phường …",
   * "Qua dịch vụ bưu chính", "Trên Cổng dịch vụ công". The line is left out when empty.
   */
  @property({ attribute: 'collect-at' }) collectAt = '';

  /**
   * The applicant's address as words ("12 Trần Phú, Phường Hải Châu, Thành phố Đà Nẵng"); the
   * dossier holds unit codes, which the page names with the schema's units look-up. Without it
   * the receipt prints the street only.
   */
  @property({ attribute: 'address-text' }) addressText = '';

  /**
   * The public lookup page, e.g. `https://dichvucong.example.gov.vn/tra-cuu` (relative is
   * resolved against the page). The QR code opens it with `#code=…&verifier=…` added.
   */
  @property({ attribute: 'lookup-url' }) lookupUrl = '';

  /** The heading level of the title, to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 1;

  /**
   * The address the QR code holds: `lookup-url`, absolute, with the dossier's `code` and
   * `verifier` in the fragment (`#code=…&verifier=…`); empty without a lookup URL or a code.
   */
  get lookupHref(): string {
    const code = this.dossier?.code;
    if (!this.lookupUrl || !code) return '';
    // A phone that scans the paper has no page to resolve a relative address against.
    const url = new URL(this.lookupUrl, document.baseURI);
    // In the fragment, not the query: a browser never sends the fragment to a server, so the
    // verifier stays out of access logs, proxies and Referer headers.
    const receipt = new URLSearchParams({ code });
    if (this.dossier?.verifier) receipt.set('verifier', this.dossier.verifier);
    url.hash = receipt.toString();
    return url.href;
  }

  override render() {
    const dossier = this.dossier;
    if (!dossier) return nothing;
    const locale = localeOf(this);
    const level = Math.min(this.headingLevel, 6);
    // Before the agency receives it, an online dossier has a confirmation of submission, not a
    // receipt (issue #18): the title, the dates and the signature blocks follow.
    const received = Boolean(dossier.receivedAt);
    const time = this.processingTime(dossier);
    return html`<article part="base" aria-labelledby="title">
      <header part="header" class="header">
        <div class="agency">${this.agency ? html`<p><strong>${this.agency}</strong></p>` : nothing}</div>
        <div class="nation">
          <p><strong>${translate(words.nation, locale)}</strong></p>
          <p class="motto">${translate(words.motto, locale)}</p>
        </div>
      </header>
      <div role="heading" aria-level=${level} id="title" part="title" class="title">
        ${translate(received ? words.title : words.confirmationTitle, locale)}
      </div>
      ${received ? nothing : html`<p part="confirmation" class="confirmation">${translate(words.confirmationNote, locale)}</p>`}
      ${this.renderCodes(dossier, locale)}
      <dl part="details" class="details">
        ${this.agency ? this.row(translate(words.agency, locale), this.agency, '', true) : nothing}
        ${this.renderApplicant(dossier.applicant, locale)}
        ${this.row(translate(words.procedure, locale), this.procedure?.name ?? '', '', true)}
        ${this.collectAt ? this.row(translate(words.collectAt, locale), this.collectAt, '', true) : nothing}
        ${dossier.channel ? this.row(translate(words.channel, locale), translate(CHANNELS[dossier.channel], locale)) : nothing}
        ${
          dossier.submittedAt
            ? this.row(
                translate(words.submittedAt, locale),
                officialTime(dossier.submittedAt, locale),
              )
            : nothing
        }
        ${
          received
            ? html`${this.row(translate(words.sets, locale), translate(words.oneSet, locale))}
              ${time ? this.row(translate(words.statutoryTime, locale), time, '', true) : nothing}
              ${this.row(translate(words.receivedAt, locale), officialTime(dossier.receivedAt as string, locale))}`
            : this.row(translate(words.receivedAt, locale), translate(words.notReceived, locale))
        }
        <div part="due" class="row due ${dossier.dueAt ? '' : 'missing'}">
          <dt>${translate(words.dueAt, locale)}</dt>
          <dd>
            ${
              dossier.dueAt
                ? html`<strong>${officialTime(dossier.dueAt, locale)}</strong>`
                : translate(words.noDueDate, locale)
            }
          </dd>
        </div>
        ${
          dossier.status !== 'received'
            ? this.row(
                translate(words.now, locale),
                translate(STATUS_NAMES[dossier.status], locale),
                'screen-only',
              )
            : nothing
        }
      </dl>
      ${this.renderDocuments(dossier, locale, level + 1, received)}
      ${
        received
          ? html`<div part="signatures" class="signatures">
            <p>
              <strong>${translate(words.applicantSigns, locale)}</strong><br />
              <span class="sign-here">${translate(words.signHere, locale)}</span><br />
              <span class="signature-name" lang="vi">${applicantName(dossier.applicant)}</span>
            </p>
            <p>
              <strong>${translate(words.receivedBy, locale)}</strong><br />
              <span class="sign-here">${translate(words.signHere, locale)}</span><br />
              <span class="signature-name" lang="vi">${this.receivedBy}</span>
            </p>
          </div>`
          : nothing
      }
      <p class="screen-only">
        <button part="print" type="button" @click=${this.onPrint}>${translate(received ? words.print : words.printConfirmation, locale)}</button>
      </p>
    </article>`;
  }

  private renderCodes(dossier: ReceiptDossier, locale: string) {
    const href = this.lookupHref;
    return html`<div class="codes-qr">
      <div part="codes" class="codes">
        <dl>
          <div class="row">
            <dt>${translate(words.code, locale)}</dt>
            <dd class="code">${dossier.code}</dd>
          </div>
          ${
            dossier.verifier
              ? html`<div class="row">
                <dt>${translate(words.verifier, locale)}</dt>
                <dd class="code">${dossier.verifier}</dd>
              </div>`
              : nothing
          }
        </dl>
        <p class="keep">${translate(words.keep, locale)}</p>
      </div>
      ${
        href
          ? html`<figure part="qr" class="qr">
            ${this.renderQr(href, locale)}
            <figcaption>
              ${translate(words.qr, locale)}.
              <span class="url">${translate(words.orVisit, locale)} <a href=${href}>${href}</a></span>
            </figcaption>
          </figure>`
          : nothing
      }
    </div>`;
  }

  /** The QR code as one SVG path: a square per dark module, drawn from the library's matrix. */
  private renderQr(href: string, locale: string) {
    // Level M survives a fold or a smudge on the paper and keeps a lookup URL at version 4–6;
    // the border is the four-module quiet zone the standard asks for.
    const { data, size } = encode(href, { ecc: 'M', border: 4 });
    let path = '';
    data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) path += `M${x} ${y}h1v1h-1z`;
      });
    });
    return html`<svg
      role="img"
      aria-label=${translate(words.qrLabel, locale)}
      viewBox="0 0 ${size} ${size}"
      shape-rendering="crispEdges"
    >
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="currentColor"></path>`}
    </svg>`;
  }

  private renderApplicant(applicant: Applicant | undefined, locale: string) {
    if (!applicant) return nothing;
    const street = this.addressText || applicant.address?.street;
    if (applicant.kind === 'organisation') {
      const person = applicant.representative;
      return html`${this.row(translate(words.applicant, locale), applicant.name, '', true)}
      ${this.row(translate(words.taxCode, locale), applicant.taxCode)}
      ${this.row(
        translate(words.representative, locale),
        [person.fullName, person.position].filter(Boolean).join(', '),
        '',
        true,
      )}
      ${street ? this.row(translate(words.address, locale), street, '', true) : nothing}
      ${this.row(translate(words.phone, locale), applicant.phone)}
      ${applicant.email ? this.row(translate(words.email, locale), applicant.email) : nothing}`;
    }
    return html`${this.row(translate(words.applicant, locale), applicant.fullName, '', true)}
    ${this.row(translate(words.idNumber, locale), applicant.idNumber)}
    ${street ? this.row(translate(words.address, locale), street, '', true) : nothing}
    ${this.row(translate(words.phone, locale), applicant.phone)}
    ${applicant.email ? this.row(translate(words.email, locale), applicant.email) : nothing}`;
  }

  private renderDocuments(
    dossier: ReceiptDossier,
    locale: string,
    level: number,
    received: boolean,
  ) {
    const requirements = this.requirements(dossier);
    return html`<section class="documents" aria-labelledby="documents">
      <div role="heading" aria-level=${Math.min(level, 6)} id="documents" class="h2">
        ${translate(received ? words.documents : words.documentsSubmitted, locale)}
      </div>
      ${
        dossier.documents.length
          ? html`<ol part="documents">
            ${dossier.documents.map((document) => {
              const required = requirements.get(document.requirementCode);
              const counts = [
                required?.originals ? translate(words.originals(required.originals), locale) : '',
                required?.copies ? translate(words.copies(required.copies), locale) : '',
                document.attachmentIds.length
                  ? translate(words.files(document.attachmentIds.length), locale)
                  : '',
              ].filter(Boolean);
              return html`<li>
                <span lang="vi">${required?.name ?? document.requirementCode}</span>${counts.length ? html` <span class="counts">(${counts.join(', ')})</span>` : nothing}
              </li>`;
            })}
          </ol>`
          : html`<p>${translate(words.noDocuments, locale)}</p>`
      }
    </section>`;
  }

  /** The statutory time of the dossier's case and channel, as the procedure publishes it. */
  private processingTime(dossier: ReceiptDossier): string {
    const cases = this.procedure?.cases ?? [];
    const chosen = cases.find((c) => c.code === dossier.caseCode) ?? cases[0];
    const channel =
      chosen?.channels.find((c) => c.channel === dossier.channel) ?? chosen?.channels[0];
    return channel?.processingTimeText?.trim() ?? '';
  }

  /** The procedure's requirements for the dossier's case (any case when it is not known). */
  private requirements(dossier: ReceiptDossier): Map<string, RequiredDocument> {
    const cases = this.procedure?.cases ?? [];
    const chosen = cases.filter((c) => c.code === dossier.caseCode);
    const found = new Map<string, RequiredDocument>();
    for (const procedureCase of chosen.length ? chosen : cases) {
      for (const document of procedureCase.documents) {
        if (!found.has(document.code)) found.set(document.code, document);
      }
    }
    return found;
  }

  /**
   * A term and its value. `vietnamese` marks data written in Vietnamese (names, addresses,
   * the procedure) as `lang="vi"`, so that an English page still reads it right (WCAG 3.1.2).
   */
  private row(term: string, value: string, extra = '', vietnamese = false) {
    return html`<div class="row ${extra}">
      <dt>${term}</dt>
      <dd lang=${vietnamese && value ? 'vi' : nothing}>${value || translate(words.notGiven, localeOf(this))}</dd>
    </div>`;
  }

  private onPrint = () => {
    const go = this.emit('egov-receipt-print');
    if (go) window.print();
  };
}

/** The applicant's name for the signature block. */
function applicantName(applicant: Applicant | undefined): string {
  if (!applicant) return '';
  return applicant.kind === 'organisation' ? applicant.representative.fullName : applicant.fullName;
}

const officialFormat = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/**
 * A time as official papers write it, in Vietnam's time: "06:00 ngày 05/12/2026" ("06:00 on
 * 05/12/2026"), as docs/wording.md says.
 */
export function officialTime(value: string, locale: string): string {
  const parts = Object.fromEntries(
    officialFormat.formatToParts(new Date(value)).map((part) => [part.type, part.value]),
  );
  const date = `${parts.day}/${parts.month}/${parts.year}`;
  const clock = `${parts.hour}:${parts.minute}`;
  return translate(words.officialTime(clock, date), locale);
}
