import type { Fee, PaymentMethod, PaymentNotification, VietQrTransfer } from '@egov-kit/schema';

/** What a provider needs to open a payment: one attempt at paying one fee request. */
export interface PaymentSessionRequest {
  readonly paymentId: string;
  readonly dossierId: string;
  /** The dossier's code (`HS-260213-000042`): printed on the receipt, a bill number for banks. */
  readonly dossierCode: string;
  /** Unique per payment and provider; the provider reports it back in its notification. */
  readonly reference: string;
  /** Whole đồng; the currency is always VND. */
  readonly amount: number;
  readonly items: readonly Fee[];
  /** The payment is refused after this time whatever the provider says. */
  readonly expiresAt: Date;
  /** Where a gateway sends the citizen back to (an absolute URL on this site), if anywhere. */
  readonly returnUrl?: string | undefined;
}

/** What the citizen is shown to pay: a QR transfer, a gateway page, or nothing (at the desk). */
export interface PaymentSession {
  readonly vietqr?: VietQrTransfer | undefined;
  readonly checkoutUrl?: string | undefined;
  /** Earlier than the request's expiry when the provider's session lives less long. */
  readonly expiresAt?: Date | undefined;
}

/** What a provider reports when asked about a payment (reconciliation of a lost callback). */
export type ProviderPaymentStatus = 'pending' | 'paid' | 'failed' | 'unknown';

/**
 * A payment provider as the server sees it: the national payment platform, a bank's gateway,
 * a bank's transfer notifications (VietQR), or the desk. The server owns the payment's state
 * and the dossier; the provider only opens a session, signs what happened, and may be asked.
 * See docs/server/payments.md for plugging in a real one.
 */
export interface PaymentProviderAdapter {
  /** The provider id of the contract (`vietqr`, `national_payment_platform`, …). */
  readonly id: PaymentMethod['provider'];
  /** How the citizen pays: a QR code, a redirect to a gateway page, or at the desk. */
  readonly kind: PaymentMethod['kind'];
  /** A demo provider moves no money; the portal says so. */
  readonly demo?: boolean | undefined;
  /** Opens a payment with the provider (called inside the transaction that creates it). */
  createSession(request: PaymentSessionRequest): Promise<PaymentSession>;
  /**
   * Verifies a notification's signature over its raw bytes, as received, and reads it. Throws
   * {@link NotificationRejectedError} when the signature or the body is not acceptable; the
   * server then checks the amount, currency, reference, time window and duplicates itself.
   */
  verifyNotification(rawBody: Uint8Array, headers: Headers): Promise<PaymentNotification>;
  /** Asks the provider what became of a payment, when it can be asked (a gateway can; a bank's
   * transfer notifications cannot). */
  queryStatus?(reference: string): Promise<ProviderPaymentStatus>;
}

/** A notification refused before it is read: bad signature, unreadable body. */
export class NotificationRejectedError extends Error {
  override name = 'NotificationRejectedError';
  constructor(
    readonly reason: 'bad_signature' | 'malformed' | 'stale',
    message: string,
  ) {
    super(message);
  }
}

/** The providers a server offers, by id. */
export class PaymentProviders {
  readonly #byId = new Map<string, PaymentProviderAdapter>();

  constructor(adapters: readonly PaymentProviderAdapter[] = []) {
    for (const adapter of adapters) this.register(adapter);
  }

  /** Adds a provider; one per id. */
  register(adapter: PaymentProviderAdapter): this {
    if (this.#byId.has(adapter.id))
      throw new Error(`payment provider ${adapter.id} registered twice`);
    this.#byId.set(adapter.id, adapter);
    return this;
  }

  get(id: string): PaymentProviderAdapter | undefined {
    return this.#byId.get(id);
  }

  /** The ways to pay on offer, for `GET /payment-methods`. */
  methods(): PaymentMethod[] {
    return [...this.#byId.values()].map((a) => ({
      provider: a.id,
      kind: a.kind,
      ...(a.demo ? { demo: true } : {}),
    }));
  }
}
