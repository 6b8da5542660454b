import type { Fee, Payment, PaymentMethod } from '@egov-kit/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EgovElement, lazy } from '../base/egov-element.js';
import { intlLocale, type Message } from '../base/localization.js';
import { paymentMessages as m } from './payment.messages.js';
import { paymentStyles } from './payment.styles.js';
import {
  DEFAULT_POLLING,
  PaymentStatusController,
  type PollingOptions,
} from './payment-status-controller.js';

const transferView = lazy(() => import('./transfer.lazy.js'));

/** What the element needs of a dossier: its id and code, status, fees due and time to pay by. */
export interface PaymentDossier {
  readonly id: string;
  readonly code?: string | undefined;
  readonly status: string;
  readonly pendingFees?: readonly Fee[] | undefined;
  readonly paymentDueAt?: string | undefined;
}

/**
 * The part of `@egov-kit/client`'s `Client` the element calls; the client itself fits, and so
 * does a test double. The page passes its own client: the element never bundles one.
 */
export interface PaymentClient {
  readonly dossiers: { get(id: string): Promise<PaymentDossier> };
  readonly payments: {
    list(dossierId: string): Promise<{ items: Payment[] }>;
    create(
      dossierId: string,
      request: { provider: Payment['provider']; returnPath?: string },
    ): Promise<Payment>;
    get(dossierId: string, paymentId: string): Promise<Payment>;
    receipt(dossierId: string, paymentId: string): Promise<Blob>;
    methods(): Promise<{ items: PaymentMethod[] }>;
  };
}

/**
 * What the element shows: `loading`; `due` (the fees and the ways to pay); `starting` (a
 * payment being opened); `pending` (a VietQR code, or a gateway payment awaiting its answer,
 * polled until settled); `redirecting` (on the way to a gateway); `paid` (with the receipt);
 * `failed` (declined: pay again); `expired`; `overdue` (the time to pay has passed);
 * `nothing_due`; `error`; `offline`.
 */
export type PaymentView =
  | 'loading'
  | 'due'
  | 'starting'
  | 'pending'
  | 'redirecting'
  | 'paid'
  | 'failed'
  | 'expired'
  | 'overdue'
  | 'nothing_due'
  | 'error'
  | 'offline';

/** `detail` of `egov-payment-paid`. */
export interface PaymentPaidDetail {
  readonly payment: Payment;
}

/** `detail` of `egov-payment-redirect`: cancel it to navigate yourself (a single-page app). */
export interface PaymentRedirectDetail {
  readonly url: string;
  readonly payment: Payment;
}

interface PaymentEvents {
  'egov-payment-paid': PaymentPaidDetail;
  'egov-payment-redirect': PaymentRedirectDetail;
}

/**
 * Paying a dossier's fees (phí, lệ phí) online: the fee breakdown with what each is for and its
 * legal basis, then a VietQR code any banking app scans — its details also as text to copy — or
 * a redirect to a payment gateway; the status is followed live until paid (polling that backs
 * off and stops while the page is hidden), with expiry, decline and retry; after payment, the
 * electronic receipt (biên lai) to download. Status changes are announced to screen readers.
 *
 * Give it a `client` (`createClient()` of `@egov-kit/client`) and a `dossier-id`; it loads the
 * dossier, its payments and the ways to pay. Or set `dossier`, `methods` and `payment` (a
 * story, a static page).
 *
 * @summary Fee breakdown, VietQR and gateway payment, live status and receipt.
 * @event egov-payment-paid - The payment was confirmed (`detail`: {@link PaymentPaidDetail}).
 * @event egov-payment-redirect - About to go to a gateway's page; cancelable
 *   (`detail`: {@link PaymentRedirectDetail}).
 * @csspart fees - The table of fees.
 * @csspart methods - The ways to pay.
 * @csspart qr - The figure with the QR code.
 * @csspart details - The transfer details as text.
 * @csspart status - The status line (a live region).
 * @csspart message - The box of a state's message (paid, failed, expired, error).
 * @csspart receipt - The receipt download button.
 * @cssprop --egov-payment-qr-dark - The QR code's dark modules; black by default, in both themes.
 * @cssprop --egov-payment-qr-light - The QR code's light modules and quiet zone; white by default.
 */
export class EgovPayment extends EgovElement<PaymentEvents> {
  static override styles = paymentStyles;

  /** The dossier whose fees are paid. */
  @property({ attribute: 'dossier-id' }) dossierId = '';

  /**
   * The path on this site a gateway sends the citizen back to, e.g. `/track.html?id=…`
   * (same origin only); the page by default.
   */
  @property({ attribute: 'return-path' }) returnPath = '';

  /** Loads and pays through it: `createClient()` of `@egov-kit/client`, or anything that fits. */
  @property({ attribute: false }) client: PaymentClient | null = null;

  /** The dossier (loaded through `client`, or set). */
  @property({ attribute: false }) dossier: PaymentDossier | null = null;

  /** The ways to pay on offer (loaded through `client`, or set). */
  @property({ attribute: false }) methods: PaymentMethod[] | null = null;

  /** The current payment attempt (loaded through `client`, or set). */
  @property({ attribute: false }) payment: Payment | null = null;

  /**
   * How often a pending payment's status is asked: every 2 s at first, backing off × 1.5 to
   * 15 s; never while the page is hidden.
   */
  @property({ attribute: false }) polling: PollingOptions = DEFAULT_POLLING;

  @state() private current: PaymentView = 'loading';
  @state() private announcement = '';
  @state() private downloading = false;

  private readonly poller = new PaymentStatusController(this);
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryOnline: (() => void) | undefined;

  /** What the element shows now. */
  get view(): PaymentView {
    return this.current;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clearExpiry();
    this.stopWaitingForNetwork();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.current === 'pending' && this.payment) this.follow(this.payment);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('dossierId')) && this.client && this.dossierId) {
      void this.load();
    } else if (
      !this.client &&
      (changed.has('dossier') || changed.has('payment') || changed.has('methods'))
    ) {
      this.show(this.viewFor(this.dossier, this.payment));
    }
  }

  /** Loads the dossier, its payments and the ways to pay again through `client`. */
  async load(): Promise<void> {
    const client = this.client;
    if (!client || !this.dossierId) return;
    this.show('loading');
    try {
      const [dossier, payments, methods] = await Promise.all([
        client.dossiers.get(this.dossierId),
        client.payments.list(this.dossierId),
        client.payments.methods(),
      ]);
      this.dossier = dossier;
      this.methods = methods.items;
      this.payment = payments.items[0] ?? null;
      this.show(this.viewFor(dossier, this.payment));
    } catch (error) {
      this.failed(error, () => void this.load());
    }
  }

  private viewFor(dossier: PaymentDossier | null, payment: Payment | null): PaymentView {
    if (!dossier) return 'loading';
    const awaiting = dossier.status === 'awaiting_payment';
    if (!awaiting) return payment?.status === 'paid' ? 'paid' : 'nothing_due';
    if (dossier.paymentDueAt && Date.parse(dossier.paymentDueAt) <= Date.now()) return 'overdue';
    switch (payment?.status) {
      case 'pending':
        return payment.expiresAt && Date.parse(payment.expiresAt) <= Date.now()
          ? 'expired'
          : 'pending';
      case 'failed':
        return 'failed';
      case 'expired':
        return 'expired';
      default:
        return 'due';
    }
  }

  /** Switches the view, announcing it, and starts or stops following the payment. */
  private show(view: PaymentView): void {
    const before = this.current;
    this.current = view;
    if (view === 'pending' && this.payment) this.follow(this.payment);
    else {
      this.poller.stop();
      this.clearExpiry();
    }
    if (view === before) return;
    const said = ANNOUNCED[view];
    this.announcement = said ? this.localize(said) : '';
    if (view === 'paid' && before !== 'loading' && this.payment) {
      this.emit('egov-payment-paid', { payment: this.payment });
    }
  }

  private follow(payment: Payment): void {
    if (payment.vietqr && !transferView.value) void this.loadTransferView();
    this.clearExpiry();
    if (payment.expiresAt) {
      const left = Date.parse(payment.expiresAt) - Date.now();
      // setTimeout's delay is a 32-bit number: a far expiry is checked on each poll instead.
      if (left < 2 ** 31 - 1) {
        this.expiryTimer = setTimeout(() => this.show('expired'), Math.max(0, left));
      }
    }
    if (!this.client) return;
    const client = this.client;
    this.poller.start(async () => {
      const fresh = await client.payments.get(payment.dossierId, payment.id);
      if (this.payment?.id !== payment.id) return false;
      this.payment = fresh;
      const view = this.viewFor(
        fresh.status === 'paid' && this.dossier
          ? { ...this.dossier, status: 'in_progress' }
          : this.dossier,
        fresh,
      );
      if (view !== 'pending') this.show(view);
      return view === 'pending';
    }, this.polling);
  }

  private clearExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
  }

  private async loadTransferView(): Promise<void> {
    try {
      await transferView.load();
      this.requestUpdate();
    } catch (error) {
      this.failed(error, () => void this.loadTransferView());
    }
  }

  /** Asks the server for the pending payment's status now, rather than at the next poll. */
  async checkNow(): Promise<void> {
    await this.poller.now();
  }

  /** Opens a payment with `provider`. A new attempt replaces any pending one on the server. */
  async pay(provider: Payment['provider']): Promise<void> {
    const client = this.client;
    if (!client || !this.dossierId) return;
    this.show('starting');
    try {
      const returnPath =
        this.returnPath ||
        (typeof location !== 'undefined' ? location.pathname + location.search : undefined);
      const payment = await client.payments.create(this.dossierId, {
        provider,
        ...(returnPath ? { returnPath } : {}),
      });
      this.payment = payment;
      if (payment.checkoutUrl) {
        this.show('redirecting');
        const go = this.emit('egov-payment-redirect', { url: payment.checkoutUrl, payment });
        if (go) location.assign(payment.checkoutUrl);
        return;
      }
      this.show('pending');
    } catch (error) {
      this.failed(error, () => void this.pay(provider));
    }
  }

  private async downloadReceipt(): Promise<void> {
    const client = this.client;
    const payment = this.payment;
    if (!client || !payment) return;
    this.downloading = true;
    try {
      const file = await client.payments.receipt(payment.dossierId, payment.id);
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = file instanceof File ? file.name : `bien-lai-${payment.receiptNumber}.pdf`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.failed(error, () => void this.downloadReceipt());
    } finally {
      this.downloading = false;
    }
  }

  private async copy(value: string, label: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      this.announcement = this.localize(m.copied(label));
    } catch {
      this.announcement = this.localize(m.copyFailed);
    }
  }

  private failed(error: unknown, retry: () => void): void {
    const offline =
      (typeof navigator !== 'undefined' && navigator.onLine === false) ||
      (error instanceof Error &&
        (error.name === 'NetworkError' ||
          error.name === 'TimeoutError' ||
          (error instanceof TypeError && /fetch|network/i.test(error.message))));
    this.stopWaitingForNetwork();
    this.show(offline ? 'offline' : 'error');
    this.retryLast = retry;
    if (offline && typeof window !== 'undefined') {
      this.retryOnline = () => {
        this.stopWaitingForNetwork();
        retry();
      };
      window.addEventListener('online', this.retryOnline);
    }
  }

  private retryLast: (() => void) | undefined;

  private stopWaitingForNetwork(): void {
    if (this.retryOnline) window.removeEventListener('online', this.retryOnline);
    this.retryOnline = undefined;
  }

  // --- rendering ---

  private vnd(amount: number): string {
    return new Intl.NumberFormat(intlLocale(this.locale), {
      style: 'currency',
      currency: 'VND',
    }).format(amount);
  }

  private when(iso: string): string {
    return new Intl.DateTimeFormat(intlLocale(this.locale), {
      timeZone: 'Asia/Ho_Chi_Minh',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(iso));
  }

  override render() {
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.localize(m.title)}</h2>
      <p class="status" part="status" role="status">${this.announcement}</p>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    switch (this.current) {
      case 'loading':
        return html`<p class="muted">${this.localize(m.loading)}</p>`;
      case 'due':
        return html`${this.renderFees()}${this.renderMethods()}`;
      case 'starting':
        return html`${this.renderFees()}<p class="muted">${this.localize(m.starting)}</p>`;
      case 'pending':
        return this.renderPending();
      case 'redirecting':
        return html`<p>${this.localize(m.redirecting)}</p>
          ${
            this.payment?.checkoutUrl
              ? html`<p><a href=${this.payment.checkoutUrl}>${this.localize(m.continueAtGateway)}</a></p>`
              : nothing
          }`;
      case 'paid':
        return this.renderPaid();
      case 'failed':
        return this.renderRetry(m.failed);
      case 'expired':
        return this.renderRetry(m.expired);
      case 'overdue':
        return html`${this.renderFees()}${this.renderMessage(m.overdue, 'problem')}`;
      case 'nothing_due':
        return this.renderMessage(m.nothingDue, 'info');
      case 'error':
      case 'offline':
        return this.renderMessage(
          this.current === 'error' ? m.error : m.offline,
          'problem',
          html`<button type="button" @click=${() => this.retryLast?.()}>
            ${this.localize(m.tryAgain)}
          </button>`,
        );
    }
  }

  private fees(): readonly Fee[] {
    return this.dossier?.pendingFees ?? this.payment?.items ?? [];
  }

  private renderFees() {
    const fees = this.fees();
    if (!fees.length) return nothing;
    const total = fees.reduce((sum, fee) => sum + fee.amount, 0);
    const due = this.dossier?.paymentDueAt;
    return html`<table part="fees">
        <caption>${this.localize(m.feesCaption)}</caption>
        <thead>
          <tr>
            <th scope="col">${this.localize(m.item)}</th>
            <th scope="col" class="basis">${this.localize(m.legalBasis)}</th>
            <th scope="col" class="amount">${this.localize(m.amount)}</th>
          </tr>
        </thead>
        <tbody>
          ${fees.map(
            (fee) => html`<tr>
              <td>
                <span class="kind">${this.localize(fee.kind === 'charge' ? m.charge : m.fee)}</span>
                <span lang="vi">${fee.purpose ?? fee.note ?? ''}</span>
              </td>
              <td class="basis" lang="vi">${fee.legalBasis ?? ''}</td>
              <td class="amount">${this.vnd(fee.amount)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan="2">${this.localize(m.total)}</th>
            <td class="amount">${this.vnd(total)}</td>
          </tr>
        </tfoot>
      </table>
      ${due ? html`<p class="muted">${this.localize(m.dueBy(this.when(due)))}</p>` : nothing}`;
  }

  private renderMethods() {
    const methods = this.methods ?? [];
    const qrMethod = methods.find((method) => method.kind === 'qr');
    const gateways = methods.filter((method) => method.kind === 'redirect');
    const desk = methods.some((method) => method.kind === 'desk');
    const demo = (method: PaymentMethod) =>
      method.demo ? html` <span class="demo">${this.localize(m.demo)}</span>` : nothing;
    return html`<div part="methods" role="group" aria-labelledby="methods-title">
      <h3 id="methods-title">${this.localize(m.chooseMethod)}</h3>
      ${
        qrMethod
          ? html`<div class="method">
              <button type="button" class="primary" @click=${() => this.pay(qrMethod.provider)}>
                ${this.localize(m.payByQr)}
              </button>
              <p class="muted">${this.localize(m.payByQrHint)}${demo(qrMethod)}</p>
            </div>`
          : nothing
      }
      ${gateways.map(
        (gateway) => html`<div class="method">
          <button type="button" @click=${() => this.pay(gateway.provider)}>
            ${this.localize(m.payByGateway)}
          </button>
          <p class="muted">${this.localize(m.payByGatewayHint)}${demo(gateway)}</p>
        </div>`,
      )}
      ${desk ? html`<p class="muted">${this.localize(m.payAtDesk)}</p>` : nothing}
    </div>`;
  }

  private renderPending() {
    const payment = this.payment;
    if (!payment) return nothing;
    const transfer = payment.vietqr;
    const waiting = this.poller.paused ? m.paused : transfer ? m.waiting : m.waitingGateway;
    return html`${this.renderFees()}
      ${transfer ? this.renderTransferView(payment) : nothing}
      ${
        !transfer && payment.checkoutUrl
          ? html`<p><a href=${payment.checkoutUrl}>${this.localize(m.continueAtGateway)}</a></p>`
          : nothing
      }
      ${payment.expiresAt ? html`<p class="muted">${this.localize(m.expiresAt(this.when(payment.expiresAt)))}</p>` : nothing}
      <p class="waiting">${this.localize(waiting)}</p>
      <div class="actions">
        <button type="button" @click=${() => this.checkNow()}>${this.localize(m.checkNow)}</button>
        <button type="button" @click=${() => this.show('due')}>${this.localize(m.otherMethod)}</button>
      </div>`;
  }

  /** The QR code and the transfer details, from their lazy chunk (a line while it loads). */
  private renderTransferView(payment: Payment) {
    const view = transferView.value;
    if (!view) return html`<p class="muted">${this.localize(m.qrLoading)}</p>`;
    return view.renderTransfer(
      {
        localize: (text) => this.localize(text),
        vnd: (amount) => this.vnd(amount),
        copy: (value, label) => void this.copy(value, label),
      },
      payment,
    );
  }

  private renderPaid() {
    const payment = this.payment;
    return this.renderMessage(
      m.paid,
      'success',
      payment?.receiptNumber && payment.paidAt
        ? html`<p>${this.localize(m.paidDetails(payment.receiptNumber, this.when(payment.paidAt)))}</p>
            ${
              this.client
                ? html`<button type="button" class="primary" part="receipt" ?disabled=${this.downloading}
                    @click=${() => this.downloadReceipt()}>
                    ${this.localize(this.downloading ? m.downloading : m.downloadReceipt)}
                  </button>`
                : nothing
            }`
        : nothing,
    );
  }

  private renderRetry(message: Message) {
    return html`${this.renderFees()}
      ${this.renderMessage(
        message,
        'problem',
        html`<button type="button" class="primary" @click=${() => this.show('due')}>
          ${this.localize(m.retry)}
        </button>`,
      )}`;
  }

  private renderMessage(
    message: Message,
    tone: 'success' | 'problem' | 'info',
    extra: unknown = nothing,
  ) {
    return html`<div class="message ${tone}" part="message">
      <p>${this.localize(message)}</p>
      ${extra}
    </div>`;
  }
}

/** What the live region says when the view changes; the quiet views say nothing. */
const ANNOUNCED: Partial<Record<PaymentView, Message>> = {
  pending: m.waiting,
  redirecting: m.redirecting,
  paid: m.paid,
  failed: m.failed,
  expired: m.expired,
  overdue: m.overdue,
  error: m.error,
  offline: m.offline,
};
