import * as z from 'zod/mini';
import { AmountVnd, Id, Timestamp } from './common.js';
import { Fee } from './procedure.js';

/** How a fee is paid. */
export const PaymentProvider = z
  .enum(['national_payment_platform', 'vietqr', 'cash', 'demo_gateway'])
  .check(
    z.describe(
      "national_payment_platform: the National Public Service Portal payment platform; vietqr: bank transfer by VietQR; cash: at the desk; demo_gateway: the reference server's demo gateway (never on a real deployment).",
    ),
  );
export type PaymentProvider = z.infer<typeof PaymentProvider>;

/** The state of a payment. */
export const PaymentStatus = z
  .enum(['pending', 'paid', 'failed', 'cancelled', 'expired', 'refunded'])
  .check(
    z.describe(
      'pending until the provider confirms; paid, failed (declined), cancelled (another attempt replaced it), expired or refunded after. A paid payment never changes back.',
    ),
  );
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** What a banking app needs to pay by VietQR, as text beside the QR code. */
export const VietQrTransfer = z
  .object({
    payload: z.string().check(z.describe('The NAPAS/EMVCo payload the QR code carries.')),
    bankBin: z.string().check(z.describe("The receiving bank's NAPAS BIN (6 digits).")),
    bankName: z.optional(z.string()),
    accountNumber: z.string(),
    accountName: z.string(),
    amount: AmountVnd,
    purpose: z.string().check(z.describe('The transfer content to type: the payment reference.')),
  })
  .register(z.globalRegistry, {
    id: 'VietQrTransfer',
    description: 'A VietQR bank transfer: the QR payload and the same details as text.',
  });
export type VietQrTransfer = z.infer<typeof VietQrTransfer>;

/** The fees due on a dossier and how they were paid. */
export const Payment = z
  .object({
    id: Id,
    dossierId: Id,
    items: z.array(Fee).check(z.minLength(1), z.describe('What is paid for.')),
    total: AmountVnd,
    currency: z.optional(z.literal('VND')),
    provider: PaymentProvider,
    status: PaymentStatus,
    reference: z.optional(
      z.string().check(z.describe('The payment reference the provider reports back.')),
    ),
    receiptNumber: z.optional(
      z.string().check(z.describe('The receipt (biên lai) number once paid.')),
    ),
    createdAt: Timestamp,
    expiresAt: z.optional(Timestamp.check(z.describe('A pending payment expires at this time.'))),
    paidAt: z.optional(Timestamp),
    vietqr: z.optional(VietQrTransfer),
    checkoutUrl: z.optional(
      z.string().check(z.describe("The gateway's payment page to send the citizen to.")),
    ),
    failureReason: z.optional(z.string()),
  })
  .register(z.globalRegistry, {
    id: 'Payment',
    description: 'Fees due on a dossier and their payment.',
  });
export type Payment = z.infer<typeof Payment>;

/** A way to pay that this server offers. */
export const PaymentMethod = z
  .object({
    provider: PaymentProvider,
    kind: z
      .enum(['qr', 'redirect', 'desk'])
      .check(z.describe('qr: a code to scan; redirect: a gateway page; desk: at the agency.')),
    demo: z.optional(z.boolean().check(z.describe('A demo provider: no money moves.'))),
  })
  .register(z.globalRegistry, { id: 'PaymentMethod', description: 'A way to pay.' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;
