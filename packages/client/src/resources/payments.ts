import type { CreatePaymentRequest, Payment, PaymentMethod } from '@egov-kit/schema';
import type { Core } from '../internal/core.js';
import { newIdempotencyKey } from '../internal/idempotency-key.js';
import { lazy } from '../internal/lazy.js';
import { OPERATIONS } from '../internal/operations.js';
import type { KeyedRequestOptions, RequestOptions } from '../options.js';

const schemas = lazy(() => import('../validators/payments.js'));

/** A dossier's payments. */
export interface PaymentList {
  items: Payment[];
}

/** The ways to pay a server offers. */
export interface PaymentMethodList {
  items: PaymentMethod[];
}

/** Fees (phí, lệ phí) due on a dossier and their payment. */
export interface PaymentsResource {
  /** The dossier's payments, pending and done. */
  list(dossierId: string, options?: RequestOptions): Promise<PaymentList>;
  /**
   * Starts paying the fees the agency asked for, with a provider (national payment platform,
   * VietQR, cash at the desk). Carries an Idempotency-Key: a retry never starts two payments.
   */
  create(
    dossierId: string,
    request: CreatePaymentRequest,
    options?: KeyedRequestOptions,
  ): Promise<Payment>;
  /**
   * One payment as of now — what a payment page polls until it is paid, failed or expired
   * (a pending payment past its `expiresAt` reads `expired`).
   */
  get(dossierId: string, paymentId: string, options?: RequestOptions): Promise<Payment>;
  /** The electronic receipt (biên lai) of a paid payment, a PDF named by its number. */
  receipt(dossierId: string, paymentId: string, options?: RequestOptions): Promise<File>;
  /** The ways to pay this server offers (VietQR, a gateway, the desk). */
  methods(options?: RequestOptions): Promise<PaymentMethodList>;
}

/** The payments resource on a client's request core. */
export function payments(core: Core): PaymentsResource {
  return {
    list: async (dossierId, options) =>
      (
        await core.send({
          op: OPERATIONS.listPayments,
          params: { id: dossierId },
          options,
          schema: async () => (await schemas()).PaymentList,
        })
      ).data,
    create: async (dossierId, request, options) =>
      (
        await core.send({
          op: OPERATIONS.createPayment,
          params: { id: dossierId },
          json: request,
          options,
          idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
          schema: async () => (await schemas()).Payment,
        })
      ).data,
    get: async (dossierId, paymentId, options) =>
      (
        await core.send({
          op: OPERATIONS.getPayment,
          params: { id: dossierId, paymentId },
          options,
          schema: async () => (await schemas()).Payment,
        })
      ).data,
    async receipt(dossierId, paymentId, options) {
      const { body, response } = await core.receive(
        {
          op: OPERATIONS.getPaymentReceipt,
          params: { id: dossierId, paymentId },
          options,
          accept: 'application/pdf',
        },
        (r) => r.blob(),
      );
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
      return new File([body], name?.[1] ?? `bien-lai-${paymentId}.pdf`, {
        type: 'application/pdf',
      });
    },
    methods: async (options) =>
      (
        await core.send({
          op: OPERATIONS.listPaymentMethods,
          options,
          schema: async () => (await schemas()).PaymentMethodList,
        })
      ).data,
  };
}
