import * as z from 'zod/mini';
import { AmountVnd, Id, Timestamp } from './common.js';
import { Fee } from './procedure.js';

/** How a fee is paid. */
export const PaymentProvider = z
  .enum(['national_payment_platform', 'vietqr', 'cash'])
  .check(
    z.describe(
      'national_payment_platform: the National Public Service Portal payment platform; vietqr: bank transfer by VietQR; cash: at the desk.',
    ),
  );
export type PaymentProvider = z.infer<typeof PaymentProvider>;

/** The state of a payment. */
export const PaymentStatus = z
  .enum(['pending', 'paid', 'failed', 'cancelled', 'refunded'])
  .check(
    z.describe('pending until the provider confirms; paid, failed, cancelled or refunded after.'),
  );
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** The fees due on a dossier and how they were paid. */
export const Payment = z
  .object({
    id: Id,
    dossierId: Id,
    items: z.array(Fee).check(z.minLength(1), z.describe('What is paid for.')),
    total: AmountVnd,
    provider: PaymentProvider,
    status: PaymentStatus,
    reference: z.optional(z.string().check(z.describe("The provider's transaction reference."))),
    receiptNumber: z.optional(
      z.string().check(z.describe('The receipt (biên lai) number once paid.')),
    ),
    createdAt: Timestamp,
    paidAt: z.optional(Timestamp),
  })
  .register(z.globalRegistry, {
    id: 'Payment',
    description: 'Fees due on a dossier and their payment.',
  });
export type Payment = z.infer<typeof Payment>;
