import { NotificationRejectedError, type PaymentProviderAdapter } from './provider.js';

/**
 * Paying at the agency's desk: nothing to open, no notification; an officer confirms the
 * payment (`confirm_payment`), which issues the receipt.
 */
export function cashProvider(): PaymentProviderAdapter {
  return {
    id: 'cash',
    kind: 'desk',
    async createSession() {
      return {};
    },
    async verifyNotification() {
      throw new NotificationRejectedError('bad_signature', 'Cash is confirmed at the desk.');
    },
  };
}
