import type { CreatePaymentRequest, Payment } from '@egov-kit/schema';
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
  };
}
