import type { LocalizedText } from '@egov-kit/schema';
import type {
  CertificateInput,
  PadesVerification,
  SignatureVerification,
  Signer,
} from '@egov-kit/signing';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EgovElement } from '../base/egov-element.js';
import {
  bothLanguages,
  intlLocale,
  localeOf,
  type Translatable,
  translate,
} from '../base/localization.js';
import { formatSize } from '../internal/format-size.js';
import { type CertificateSummary, summarizeCertificate } from './certificate.js';
import { digitalSignatureMessages as t } from './digital-signature.messages.js';
import { digitalSignatureStyles } from './digital-signature.styles.js';

/** Which kind of signature to make. `auto`: PAdES for a PDF, a detached CAdES `.p7s` otherwise. */
export type SignatureFormat = 'auto' | 'pades' | 'cades';

/** Where the element is. */
export type DigitalSignatureStatus =
  | 'missing'
  | 'preparing'
  | 'ready'
  | 'signing'
  | 'verifying'
  | 'signed'
  | 'failed';

/** Why a signing did not end in a signed file. */
export type SigningFailure =
  | 'cancelled'
  | 'timed-out'
  | 'rejected'
  | 'expired'
  | 'not-yet-valid'
  | 'unreachable'
  | 'service-error'
  | 'invalid-pdf'
  | 'verification-failed'
  | 'certificate-unreadable'
  | 'load-failed'
  | 'unknown';

export interface SignedDetail {
  /** The signed PDF (PAdES), or the detached signature `<name>.p7s` (CAdES). */
  readonly file: File;
  /** The check of the new signature: `PadesVerification` for a PDF, `SignatureVerification` for a `.p7s`. */
  readonly verification: PadesVerification | SignatureVerification;
}

export interface SignErrorDetail {
  readonly code: SigningFailure;
  readonly message: LocalizedText;
  readonly error: unknown;
}

// Loaded with the first signature: pkijs and pdf-lib are most of its weight. @egov-kit/signing
// is an optional peer dependency of the elements: when it is missing (or its chunk cannot be
// fetched), the person sees the load-failed message, and the developer is told why here.
const loadSigning = () =>
  import('./signing.lazy.js').catch((error: unknown) => {
    console.error(
      '<egov-digital-signature> could not load @egov-kit/signing. It is an optional peer dependency of @egov-kit/elements that this element needs: install it (npm install @egov-kit/signing), or map it in the import map without a build step (docs/elements/cdn.md).',
      error,
    );
    throw error;
  });
// The report of the check shows only after a signature, so it comes with the signing package
// rather than with the element (≈6.5 kB gzipped, most of it the report's words in vi and en).
const loadReport = () => import('../signature-report/define.js');

// Above this a file is hashed incrementally by the signing package, not read whole.
const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;

/** The report's parts, re-exported as `report-verdict`, `report-signature`, … (see the report). */
const REPORT_PARTS = [
  'base',
  'heading',
  'verdict',
  'signatures',
  'signature',
  'signature-verdict',
  'technical',
]
  .map((part) => `${part}:report-${part}`)
  .join(',');

/** A failure the element explains; anything else it does not expect is "unknown". */
class SigningStopped extends Error {
  constructor(
    readonly code: SigningFailure,
    readonly localized: Translatable,
    options?: ErrorOptions,
  ) {
    super(translate(localized, 'en'), options);
  }
}

/** The events of `egov-digital-signature`, by name: their `detail`. */
export interface DigitalSignatureEvents {
  'egov-signed': SignedDetail;
  'egov-sign-error': SignErrorDetail;
}

/**
 * @summary Digitally signs a document with the person's certificate — a PAdES signature inside
 * a PDF, or a detached CAdES `.p7s` for any other file — and checks the result before handing it
 * over.
 *
 * Give it a `document` (`File` or `Blob`) and a `signer` (`Signer` of `@egov-kit/signing`: a
 * `WebCryptoSigner`, a `CscRemoteSigner`, or your own). It shows what will be signed (name,
 * size, SHA-256 digest) and with which certificate (holder, issuer, serial, validity), refuses an
 * expired or not-yet-valid certificate before asking for a signature, shows progress — "approve
 * on your phone" for a remote signer — with a Cancel button, and verifies the signature it made
 * against `trustedRoots` before firing `egov-signed`. The check is shown in full with
 * `<egov-signature-report>` (registered when the person signs): who signed, the issuing authorities,
 * the time, revocation, what changed — after a signing, and after a signature that did not pass
 * the check. Every failure is said in plain Vietnamese or English with a Try again button, and
 * the document and signer are kept.
 *
 * `@egov-kit/signing` (with pkijs and pdf-lib) is loaded with `import()` when the person signs,
 * not with the element.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The heading.
 * @csspart document - The facts of the document.
 * @csspart digest - The SHA-256 digest.
 * @csspart certificate - The facts of the certificate.
 * @csspart warning - The expired / not-yet-valid certificate warning.
 * @csspart notice - What is missing before signing can start.
 * @csspart sign - The Sign button.
 * @csspart progress - The progress bar while signing.
 * @csspart cancel - The Cancel button.
 * @csspart result - The verification result.
 * @csspart download - The link to the signed file.
 * @csspart report - The `<egov-signature-report>` of the check (after signing, or after a failed check).
 * @csspart report-verdict - The report's parts, each with the `report-` prefix (`report-base`, `report-heading`, `report-signatures`, `report-signature`, `report-signature-verdict`, `report-technical`).
 * @csspart failure - The failure message.
 * @csspart retry - The Try again button.
 *
 * @cssprop --egov-color-accent - Button and progress colour.
 * @cssprop --egov-color-on-accent - Text on the accent colour.
 * @cssprop --egov-color-border - Card borders.
 * @cssprop --egov-color-success - The "valid" result colour.
 * @cssprop --egov-color-error - Failure colour.
 * @cssprop --egov-color-warning - Certificate warning colour.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-color-hint - Secondary text colour.
 *
 * @event egov-signed - The document was signed and the signature checked; `detail`: `{ file, verification }`.
 * @event egov-sign-error - Signing stopped; `detail`: `{ code, message, error }`.
 */
export class EgovDigitalSignature extends EgovElement<DigitalSignatureEvents> {
  static override styles = digitalSignatureStyles;

  /** The document to sign. */
  @property({ attribute: false }) document?: File | Blob;

  /** Who signs: a `Signer` of `@egov-kit/signing`. */
  @property({ attribute: false }) signer?: Signer;

  /** The certification authorities to check the new signature against (PEM text or DER bytes). */
  @property({ attribute: false }) trustedRoots: readonly CertificateInput[] = [];

  /** `auto` (PAdES for PDFs, CAdES otherwise), `pades` or `cades`. */
  @property() format: SignatureFormat = 'auto';

  /** The heading; "Ký số tài liệu" / "Digitally sign a document" by default. */
  @property() heading = '';

  /** PAdES `/Reason`, e.g. "Nộp hồ sơ trực tuyến". */
  @property() reason = '';

  /** PAdES `/Location`, e.g. "Hà Nội". */
  @property() location = '';

  /** Where the element is; read-only. */
  @state() status: DigitalSignatureStatus = 'missing';

  @state() private digestHex = '';
  @state() private isPdf = false;
  @state() private certificate?: CertificateSummary;
  @state() private failure?: { code: SigningFailure; message: Translatable };
  @state() private result?: {
    file: File;
    url: string;
    signedBy: string;
    signedAt: Date;
    trusted: boolean;
  };
  @state() private announcement = '';
  /** The check of the signature just made, kept for the report (also when it did not pass). */
  @state() private verification?: PadesVerification | SignatureVerification;

  private controller?: AbortController;
  /** Counts preparations, so a late answer about an old document or signer is dropped. */
  private generation = 0;

  /** The signed file of the last successful signing, if any. */
  get signedFile(): File | undefined {
    return this.result?.file;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('document') || changed.has('signer') || changed.has('format')) {
      this.controller?.abort();
      void this.prepare();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    if (this.result) URL.revokeObjectURL(this.result.url);
  }

  /** Reads the document (digest, kind) and the certificate; nothing is signed here. */
  private async prepare() {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.clearResult();
    this.failure = undefined;
    this.digestHex = '';
    this.certificate = undefined;
    const { document, signer } = this;
    if (!document || !signer) {
      this.status = 'missing';
      return;
    }
    this.status = 'preparing';
    try {
      const [hex, pdf, summary] = await Promise.all([
        sha256Hex(document),
        looksLikePdf(document),
        signer
          .describe()
          .then((description) => summarizeCertificate(description.certificate))
          .catch((error: unknown) => {
            throw new SigningStopped('certificate-unreadable', t.unreadableCertificate, {
              cause: error,
            });
          }),
      ]);
      if (!current()) return;
      this.digestHex = hex;
      this.isPdf = pdf;
      this.certificate = summary;
      this.status = 'ready';
    } catch (error) {
      if (current()) this.fail(error);
    }
  }

  /** Signs the document, checks the signature and fires `egov-signed`; `null` when it did not sign. */
  async sign(): Promise<SignedDetail | null> {
    if (this.status === 'failed' && (!this.certificate || !this.digestHex)) {
      // A failure while preparing: prepare again first.
      await this.prepare();
    }
    const { document, signer, certificate } = this;
    if (this.status !== 'ready' && this.status !== 'failed') return null;
    if (!document || !signer || !certificate) return null;
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    this.failure = undefined;
    this.clearResult();
    const locale = localeOf(this);
    try {
      // Decree 130/2018, Art. 9(1): a signature counts only if made while the certificate is
      // valid: say so now, rather than after a remote approval on the phone.
      const now = new Date();
      if (now > certificate.notAfter) {
        throw new SigningStopped(
          'expired',
          t.expiredBefore(
            formatDate(certificate.notAfter, 'vi'),
            formatDate(certificate.notAfter, 'en'),
          ),
        );
      }
      if (now < certificate.notBefore) {
        throw new SigningStopped(
          'not-yet-valid',
          t.notYetValidBefore(
            formatDate(certificate.notBefore, 'vi'),
            formatDate(certificate.notBefore, 'en'),
          ),
        );
      }
      this.status = 'signing';
      this.announce(
        signer.kind === 'digest'
          ? translate(t.approveOnPhone, locale)
          : translate(t.signing, locale),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('[part="cancel"]')?.focus();
      const [signing] = await stoppable(
        Promise.all([loadSigning(), loadReport()]).catch((error: unknown) => {
          throw new SigningStopped('load-failed', t.loadFailed, { cause: error });
        }),
        signal,
      );
      const pades = this.format === 'pades' || (this.format === 'auto' && this.isPdf);
      const trustedRoots = this.trustedRoots;
      const verifyOptions = trustedRoots.length ? { trustedRoots } : { checkChain: false };
      const signingTime = new Date();
      let file: File;
      let verification: PadesVerification | SignatureVerification;
      // The signature just made: its verdict, and its signer when it holds.
      let report: SignatureVerification | undefined;
      let problem: Translatable | undefined;
      const baseName = document instanceof File ? document.name : 'document';
      if (pades) {
        const bytes = new Uint8Array(await document.arrayBuffer());
        const signed = await stoppable(
          signing.signPades(bytes, signer, {
            signal,
            signingTime,
            name: certificate.holder,
            ...(this.reason ? { reason: this.reason } : {}),
            ...(this.location ? { location: this.location } : {}),
          }),
          signal,
        );
        this.status = 'verifying';
        const pdfReport = await signing.verifyPades(signed, verifyOptions);
        verification = pdfReport;
        this.verification = pdfReport;
        report = pdfReport.signatures.at(-1)?.result;
        if (report && !report.ok) problem = report.message;
        else if (!pdfReport.ok) problem = pdfReport.message;
        file = new File([signed as BlobPart], signedPdfName(baseName), {
          type: 'application/pdf',
        });
      } else {
        const p7s = await stoppable(
          signing.signCades(document, signer, { signal, signingTime }),
          signal,
        );
        this.status = 'verifying';
        report = await signing.verifyCades(p7s, document, verifyOptions);
        verification = report;
        this.verification = report;
        if (!report.ok) problem = report.message;
        file = new File([p7s as BlobPart], `${baseName}.p7s`, {
          type: 'application/pkcs7-signature',
        });
      }
      if (signal.aborted) throw signal.reason;
      if (problem || !report?.ok) {
        const reason = problem ?? t.unknown;
        throw new SigningStopped('verification-failed', t.verificationFailed(reason));
      }
      const [verified] = report.signers;
      this.result = {
        file,
        url: URL.createObjectURL(file),
        signedBy: verified?.certificate.commonName ?? certificate.holder,
        signedAt: verified?.signingTime ?? signingTime,
        trusted: verified?.trusted ?? false,
      };
      this.status = 'signed';
      this.announce(translate(t.signedAnnouncement(file.name), localeOf(this)));
      const detail: SignedDetail = { file, verification };
      this.emit('egov-signed', detail);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus();
      return detail;
    } catch (error) {
      if (this.controller === controller) this.fail(signal.aborted ? signal.reason : error, signal);
      return null;
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Stops a signing in progress, as the Cancel button does. */
  cancel(): void {
    this.controller?.abort(new DOMException('Signing cancelled', 'AbortError'));
  }

  private fail(error: unknown, signal?: AbortSignal) {
    const { code, message } = classify(error, signal);
    this.failure = { code, message };
    this.status = 'failed';
    this.emit('egov-sign-error', { code, message: bothLanguages(message), error });
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part="failure"]')?.focus(),
    );
  }

  private clearResult() {
    if (this.result) URL.revokeObjectURL(this.result.url);
    this.result = undefined;
    this.verification = undefined;
  }

  private announce(text: string) {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  override render() {
    const locale = localeOf(this);
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        <h2 part="heading" id="heading" class="heading">${this.heading || translate(t.heading, locale)}</h2>
        ${this.renderDocument(locale)} ${this.renderCertificate(locale)}
        ${this.renderStatus(locale)}
        <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      </section>
    `;
  }

  private renderDocument(locale: string) {
    const document = this.document;
    if (!document) return nothing;
    const name = document instanceof File ? document.name : '—';
    const pades = this.format === 'pades' || (this.format === 'auto' && this.isPdf);
    return html`<div class="card">
      <h3>${translate(t.document, locale)}</h3>
      <dl part="document">
        <dt>${translate(t.name, locale)}</dt>
        <dd class="name">${name}</dd>
        <dt>${translate(t.size, locale)}</dt>
        <dd>${formatSize(document.size, locale)}</dd>
        <dt>${translate(t.sha256, locale)}</dt>
        <dd part="digest" class="digest">
          ${this.digestHex ? groupHex(this.digestHex) : translate(t.hashing, locale)}
        </dd>
        ${
          this.status === 'preparing'
            ? nothing
            : html`<dt>${translate(t.format, locale)}</dt>
                <dd>${translate(pades ? t.pades : t.cades, locale)}</dd>`
        }
      </dl>
    </div>`;
  }

  private renderCertificate(locale: string) {
    const certificate = this.certificate;
    if (!this.signer) return nothing;
    if (!certificate) {
      return this.status === 'preparing'
        ? html`<div class="card"><h3>${translate(t.certificate, locale)}</h3><p>${translate(t.reading, locale)}</p></div>`
        : nothing;
    }
    const now = new Date();
    const warning =
      now > certificate.notAfter
        ? t.expiredWarning
        : now < certificate.notBefore
          ? t.notYetValidWarning
          : undefined;
    return html`<div class="card">
      <h3>${translate(t.certificate, locale)}</h3>
      <dl part="certificate">
        <dt>${translate(t.holder, locale)}</dt>
        <dd class="holder">
          ${certificate.holder}${certificate.organization ? html` <span class="org">(${certificate.organization})</span>` : nothing}
        </dd>
        <dt>${translate(t.issuer, locale)}</dt>
        <dd>${certificate.issuer}</dd>
        <dt>${translate(t.serial, locale)}</dt>
        <dd class="serial">${certificate.serialNumber}</dd>
        <dt>${translate(t.validFrom, locale)}</dt>
        <dd>${formatDate(certificate.notBefore, locale)}</dd>
        <dt>${translate(t.validTo, locale)}</dt>
        <dd>${formatDate(certificate.notAfter, locale)}</dd>
      </dl>
      ${warning ? html`<p part="warning" class="warning"><strong>${translate(warning, locale)}</strong></p>` : nothing}
    </div>`;
  }

  private renderStatus(locale: string) {
    switch (this.status) {
      case 'missing':
        return html`<p part="notice" class="notice">
          ${translate(this.document ? t.noSigner : t.noDocument, locale)}
          ${!this.document && !this.signer ? html`<br />${translate(t.noSigner, locale)}` : nothing}
        </p>`;
      case 'preparing':
        return html`<progress part="progress" aria-label=${translate(t.hashing, locale)}></progress>`;
      case 'ready':
        return html`<div class="actions">
          <button part="sign" type="button" class="primary" @click=${this.onSign}>
            ${translate(t.sign, locale)}
          </button>
        </div>`;
      case 'signing':
      case 'verifying': {
        const words =
          this.status === 'verifying'
            ? t.verifying
            : this.signer?.kind === 'digest'
              ? t.approveOnPhone
              : t.signing;
        return html`<div class="progress">
          <progress part="progress" aria-labelledby="progress-text"></progress>
          <p id="progress-text">${translate(words, locale)}</p>
          <div class="actions">
            <button part="cancel" type="button" @click=${this.cancel}>${translate(t.cancel, locale)}</button>
          </div>
        </div>`;
      }
      case 'signed': {
        const result = this.result;
        if (!result) return nothing;
        return html`<div part="result" class="result" role="group" tabindex="-1" aria-labelledby="result-title">
          <h3 id="result-title">${translate(t.signedTitle, locale)}</h3>
          <ul>
            <li class="ok">${translate(t.valid, locale)}</li>
            <li class=${result.trusted ? 'ok' : 'note'}>
              ${translate(result.trusted ? t.trusted : t.untrustedNote, locale)}
            </li>
          </ul>
          <dl>
            <dt>${translate(t.signedBy, locale)}</dt>
            <dd>${result.signedBy}</dd>
            <dt>${translate(t.signedAt, locale)}</dt>
            <dd>${formatDateTime(result.signedAt, locale)}</dd>
          </dl>
          <a part="download" href=${result.url} download=${result.file.name}>
            ${translate(t.download(result.file.name), locale)}
          </a>
        </div>
        ${this.renderReport()}`;
      }
      case 'failed': {
        const failure = this.failure;
        if (!failure) return nothing;
        return html`<div part="failure" class="failure" role="alert" tabindex="-1">
          <h3>${translate(t.failedTitle, locale)}</h3>
          <p>${translate(failure.message, locale)}</p>
          <div class="actions">
            <button part="retry" type="button" class="primary" @click=${this.onSign}>
              ${translate(t.retry, locale)}
            </button>
          </div>
        </div>
        ${failure.code === 'verification-failed' ? this.renderReport() : nothing}`;
      }
    }
  }

  /** The full check, outside the alert: a screen reader hears the short sentence first. */
  private renderReport() {
    if (!this.verification) return nothing;
    return html`<egov-signature-report part="report" exportparts=${REPORT_PARTS} heading-level="3"
      .result=${this.verification}></egov-signature-report>`;
  }

  private onSign() {
    void this.sign();
  }
}

/** Waits for `promise`, or stops at once when `signal` aborts: a signer may not listen to it. */
function stoppable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Names the failure. The checks go by error name, so that errors from another bundle copy count. */
function classify(
  error: unknown,
  signal?: AbortSignal,
): { code: SigningFailure; message: Translatable } {
  if (error instanceof SigningStopped) return { code: error.code, message: error.localized };
  const name = (error as { name?: unknown } | null)?.name;
  if (signal?.aborted || name === 'AbortError') return { code: 'cancelled', message: t.cancelled };
  if (name === 'RemoteApprovalTimeoutError') return { code: 'timed-out', message: t.timedOut };
  if (name === 'RemoteApprovalRejectedError') return { code: 'rejected', message: t.rejected };
  if (name === 'InvalidPdfError') return { code: 'invalid-pdf', message: t.invalidPdf };
  // An encrypted PDF, one whose certification forbids another signature, or a signature field
  // already signed: the file is the problem, and the signing package's own sentence says which.
  const own = (error as { localizedMessage?: Translatable }).localizedMessage;
  if (
    name === 'EncryptedPdfError' ||
    name === 'CertifiedPdfError' ||
    name === 'SignatureFieldError'
  ) {
    return { code: 'invalid-pdf', message: own ?? t.invalidPdf };
  }
  // The remote service answered with a signature value that does not match its certificate.
  if (name === 'SignatureValueError') {
    return { code: 'service-error', message: own ?? t.unknown };
  }
  if (name === 'CscApiError') {
    const localized = (error as { localizedMessage?: Translatable }).localizedMessage;
    return {
      code: 'service-error',
      message: localized ? t.serviceError(localized) : t.unreachable,
    };
  }
  // fetch() rejects with a TypeError when the service cannot be reached at all.
  if (error instanceof TypeError) return { code: 'unreachable', message: t.unreachable };
  return { code: 'unknown', message: t.unknown };
}

async function sha256Hex(blob: Blob): Promise<string> {
  let bytes: Uint8Array;
  if (blob.size <= WHOLE_FILE_LIMIT) {
    bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  } else {
    const { digest } = await loadSigning();
    bytes = await digest(blob, 'SHA-256');
  }
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function looksLikePdf(blob: Blob): Promise<boolean> {
  const head = new Uint8Array(await blob.slice(0, 1024).arrayBuffer());
  // "%PDF-" may follow a few bytes of junk, which readers accept (ISO 32000-1, Annex H.3).
  return new TextDecoder('latin1').decode(head).includes('%PDF-');
}

/** `3A7F09C1 …` in groups of eight, so a person can compare it with another copy. */
function groupHex(hex: string): string {
  return (hex.toUpperCase().match(/.{1,8}/g) ?? []).join(' ');
}

function signedPdfName(name: string): string {
  return name.replace(/(\.pdf)?$/i, '-signed.pdf');
}

function formatDate(date: Date, locale: string): string {
  return date.toLocaleDateString(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

function formatDateTime(date: Date, locale: string): string {
  return date.toLocaleString(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short' });
}
