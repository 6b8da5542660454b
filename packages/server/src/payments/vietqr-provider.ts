import { vietQrPayload } from '@egov-kit/schema';
import type { PaymentProviderAdapter } from './provider.js';
import { verifySignedNotification } from './signature.js';

/** The agency's receiving account and the secret its bank signs transfer notifications with. */
export interface VietQrAccount {
  /** The bank's 6-digit NAPAS BIN. */
  readonly bankBin: string;
  readonly bankName?: string | undefined;
  readonly accountNumber: string;
  /** The account holder as banking apps show it (the agency's name, upper case, no marks). */
  readonly accountName: string;
  /** The HMAC secret of the bank's notifications ("biến động số dư" webhook). */
  readonly secret: Uint8Array | string;
  /** A demo account: no bank is behind it; the demo bank confirms. */
  readonly demo?: boolean | undefined;
}

/**
 * Pay by bank transfer to the agency's account with a dynamic VietQR code: the amount and the
 * payment reference (as the transfer content) are in the code, so any banking app fills them
 * in. The bank's notification of the credit — signed, carrying the transfer content — confirms it.
 */
export function vietQrProvider(account: VietQrAccount): PaymentProviderAdapter {
  return {
    id: 'vietqr',
    kind: 'qr',
    demo: account.demo,
    async createSession(request) {
      const payload = vietQrPayload({
        bankBin: account.bankBin,
        accountNumber: account.accountNumber,
        amount: request.amount,
        purpose: request.reference,
        billNumber: request.dossierCode,
      });
      return {
        vietqr: {
          payload,
          bankBin: account.bankBin,
          ...(account.bankName ? { bankName: account.bankName } : {}),
          accountNumber: account.accountNumber,
          accountName: account.accountName,
          amount: request.amount,
          purpose: request.reference,
        },
      };
    },
    async verifyNotification(rawBody, headers) {
      return verifySignedNotification(account.secret, rawBody, headers);
    },
  };
}
