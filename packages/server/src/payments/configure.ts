import { randomBytes } from 'node:crypto';
import { cashProvider } from './cash-provider.js';
import { type DemoGateway, demoGatewayProvider } from './demo-gateway-provider.js';
import { PaymentProviders } from './provider.js';
import { type VietQrAccount, vietQrProvider } from './vietqr-provider.js';

/** The payment settings of `ServerConfig`, from the environment. */
export interface PaymentConfig {
  /** The agency's account for VietQR (`VIETQR_*`); with the demo on and none set, a demo one. */
  readonly vietqr?: Omit<VietQrAccount, 'demo'> | undefined;
  /** A TrueType font file that covers Vietnamese, for PDF receipts (`RECEIPT_FONT`). */
  readonly receiptFontFile?: string | undefined;
}

/** Reads `VIETQR_BANK_BIN`, `VIETQR_ACCOUNT_NUMBER`, `VIETQR_ACCOUNT_NAME`, `VIETQR_BANK_NAME`,
 * `VIETQR_NOTIFY_SECRET` and `RECEIPT_FONT`. All or none of the account's settings. */
export function readPaymentConfig(env: NodeJS.ProcessEnv): PaymentConfig {
  const names = [
    'VIETQR_BANK_BIN',
    'VIETQR_ACCOUNT_NUMBER',
    'VIETQR_ACCOUNT_NAME',
    'VIETQR_NOTIFY_SECRET',
  ] as const;
  const set = names.filter((name) => env[name]);
  if (set.length && set.length < names.length) {
    throw new Error(
      `VietQR needs all of ${names.join(', ')}; missing ${names.filter((n) => !env[n]).join(', ')}.`,
    );
  }
  if (env.VIETQR_NOTIFY_SECRET && env.VIETQR_NOTIFY_SECRET.length < 32) {
    throw new Error('VIETQR_NOTIFY_SECRET must be at least 32 characters.');
  }
  return {
    vietqr: set.length
      ? {
          bankBin: env.VIETQR_BANK_BIN as string,
          accountNumber: env.VIETQR_ACCOUNT_NUMBER as string,
          accountName: env.VIETQR_ACCOUNT_NAME as string,
          bankName: env.VIETQR_BANK_NAME || undefined,
          secret: env.VIETQR_NOTIFY_SECRET as string,
        }
      : undefined,
    receiptFontFile: env.RECEIPT_FONT || undefined,
  };
}

/** A demo receiving account: Vietcombank's BIN, an account number no one holds. */
export const DEMO_VIETQR_ACCOUNT = {
  bankBin: '970436',
  bankName: 'Vietcombank (DEMO)',
  accountNumber: '0000000000001',
  accountName: 'UBND DEMO EGOV KIT',
} as const;

/** The providers of a running server, and the demo ones' secrets for the demo bank and gateway. */
export interface ConfiguredPayments {
  readonly providers: PaymentProviders;
  /** The demo VietQR account (the demo bank signs for it), when it is the one in use. */
  readonly demoBank?: VietQrAccount | undefined;
  readonly demoGateway?: DemoGateway | undefined;
}

/**
 * Cash at the desk always; VietQR when an account is configured, or a demo account with the
 * demo on; the demo gateway with the demo on. A real gateway (the national payment platform, a
 * bank's) is registered in code: `providers.register(myGateway)` — see docs/server/payments.md.
 */
export function configurePayments(config: PaymentConfig, demo: boolean): ConfiguredPayments {
  const providers = new PaymentProviders([cashProvider()]);
  let demoBank: VietQrAccount | undefined;
  if (config.vietqr) providers.register(vietQrProvider(config.vietqr));
  else if (demo) {
    // Secrets made at start, never stored: the demo bank lives in the same process.
    demoBank = { ...DEMO_VIETQR_ACCOUNT, secret: randomBytes(32), demo: true };
    providers.register(vietQrProvider(demoBank));
  }
  const demoGateway = demo ? demoGatewayProvider(randomBytes(32)) : undefined;
  if (demoGateway) providers.register(demoGateway);
  return { providers, demoBank, demoGateway };
}
