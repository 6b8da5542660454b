import type { PaymentProviderAdapter, ProviderPaymentStatus } from './provider.js';
import { verifySignedNotification } from './signature.js';

/** The demo gateway's record of one payment, as a real gateway keeps it on its side. */
export interface DemoGatewayPayment {
  readonly reference: string;
  readonly amount: number;
  readonly returnUrl?: string | undefined;
  readonly expiresAt: Date;
  status: Exclude<ProviderPaymentStatus, 'unknown'>;
}

/** The demo gateway: the provider side and the state its page (under `/demo/`) works on. */
export interface DemoGateway extends PaymentProviderAdapter {
  readonly secret: Uint8Array;
  /** Payments opened with the gateway, by reference. */
  readonly payments: Map<string, DemoGatewayPayment>;
}

/**
 * A gateway that behaves like the national payment platform or a bank's, in the reference
 * server: its page (`/demo/gateway/<reference>`) confirms or declines, sends the citizen back,
 * then calls the server back, signed — never on a real deployment. No money moves.
 */
export function demoGatewayProvider(secret: Uint8Array): DemoGateway {
  const payments = new Map<string, DemoGatewayPayment>();
  return {
    id: 'demo_gateway',
    kind: 'redirect',
    demo: true,
    secret,
    payments,
    async createSession(request) {
      // A real gateway's session lasts minutes, less than the fee request's time to pay.
      const expiresAt = new Date(
        Math.min(request.expiresAt.getTime(), Date.now() + 15 * 60 * 1000),
      );
      payments.set(request.reference, {
        reference: request.reference,
        amount: request.amount,
        returnUrl: request.returnUrl,
        expiresAt,
        status: 'pending',
      });
      return {
        checkoutUrl: `/demo/gateway/${encodeURIComponent(request.reference)}`,
        expiresAt,
      };
    },
    async verifyNotification(rawBody, headers) {
      return verifySignedNotification(secret, rawBody, headers);
    },
    async queryStatus(reference) {
      return payments.get(reference)?.status ?? 'unknown';
    },
  };
}
