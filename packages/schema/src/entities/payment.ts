import * as z from 'zod/mini';
import { described } from '../internal/described.js';
import { AmountVnd, Id, Timestamp } from './common.js';
import { Fee } from './procedure.js';

/** How a fee is paid. */
export const PaymentProvider = described(
  z.enum(['national_payment_platform', 'vietqr', 'cash', 'demo_gateway']),
  "national_payment_platform: the National Public Service Portal payment platform; vietqr: bank transfer by VietQR; cash: at the desk; demo_gateway: the reference server's demo gateway (never on a real deployment).",
);
export type PaymentProvider = z.infer<typeof PaymentProvider>;

/** The state of a payment. */
export const PaymentStatus = described(
  z.enum(['pending', 'paid', 'failed', 'cancelled', 'expired', 'refunded']),
  'pending until the provider confirms; paid, failed (declined), cancelled (another attempt replaced it), expired or refunded after. A paid payment never changes back.',
);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** What a banking app needs to pay by VietQR, as text beside the QR code. */
export const VietQrTransfer = z
  .object({
    payload: described(z.string(), 'The NAPAS/EMVCo payload the QR code carries.'),
    bankBin: described(z.string(), "The receiving bank's NAPAS BIN (6 digits)."),
    bankName: z.optional(z.string()),
    accountNumber: z.string(),
    accountName: z.string(),
    amount: AmountVnd,
    purpose: described(z.string(), 'The transfer content to type: the payment reference.'),
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
    items: described(z.array(Fee).check(z.minLength(1)), 'What is paid for.'),
    total: AmountVnd,
    currency: z.optional(z.literal('VND')),
    provider: PaymentProvider,
    status: PaymentStatus,
    reference: z.optional(
      described(z.string(), 'The payment reference the provider reports back.'),
    ),
    receiptNumber: z.optional(described(z.string(), 'The receipt (biên lai) number once paid.')),
    createdAt: Timestamp,
    expiresAt: z.optional(described(Timestamp, 'A pending payment expires at this time.')),
    paidAt: z.optional(Timestamp),
    vietqr: z.optional(VietQrTransfer),
    checkoutUrl: z.optional(
      described(z.string(), "The gateway's payment page to send the citizen to."),
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
    kind: described(
      z.enum(['qr', 'redirect', 'desk']),
      'qr: a code to scan; redirect: a gateway page; desk: at the agency.',
    ),
    demo: z.optional(described(z.boolean(), 'A demo provider: no money moves.')),
  })
  .register(z.globalRegistry, { id: 'PaymentMethod', description: 'A way to pay.' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;
