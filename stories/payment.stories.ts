import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/payment';
import type { PaymentClient, PaymentDossier } from '@egov-kit/elements';
import { type Fee, type Payment, type PaymentMethod, vietQrPayload } from '@egov-kit/schema';

type Kind =
  | 'loading'
  | 'due'
  | 'pending_qr'
  | 'pending_gateway'
  | 'paid'
  | 'failed'
  | 'expired'
  | 'overdue'
  | 'nothing_due'
  | 'error'
  | 'offline';
type Args = { lang: string; kind: Kind; width: string; theme: string };

const ID = '6f1c1d1e-0000-4000-8000-000000000002';
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const FEES: Fee[] = [
  {
    kind: 'charge',
    amount: 50000,
    purpose: 'Lệ phí đăng ký hộ kinh doanh',
    legalBasis: 'Thông tư 85/2019/TT-BTC',
  },
  { kind: 'fee', amount: 20000, purpose: 'Phí cung cấp thông tin' },
];
const METHODS: PaymentMethod[] = [
  { provider: 'cash', kind: 'desk' },
  { provider: 'vietqr', kind: 'qr' },
  { provider: 'demo_gateway', kind: 'redirect', demo: true },
];
const reference = 'HS260213000042P1';
const qrPayment: Payment = {
  id: '6f1c1d1e-0000-4000-8000-0000000000aa',
  dossierId: ID,
  items: FEES,
  total: 70000,
  currency: 'VND',
  provider: 'vietqr',
  status: 'pending',
  reference,
  createdAt: inHours(0),
  expiresAt: inHours(48),
  vietqr: {
    payload: vietQrPayload({
      bankBin: '970436',
      accountNumber: '0011001234567',
      amount: 70000,
      purpose: reference,
      billNumber: 'HS-260213-000042',
    }),
    bankBin: '970436',
    bankName: 'Vietcombank',
    accountNumber: '0011001234567',
    accountName: 'UBND PHUONG HAI CHAU',
    amount: 70000,
    purpose: reference,
  },
};
const gatewayPayment: Payment = {
  ...qrPayment,
  provider: 'demo_gateway',
  vietqr: undefined,
  checkoutUrl: '#gateway',
  expiresAt: inHours(0.25),
};

const due = (hours = 72): PaymentDossier => ({
  id: ID,
  code: 'HS-260213-000042',
  status: 'awaiting_payment',
  pendingFees: FEES,
  paymentDueAt: inHours(hours),
});

const STATE: Record<Kind, { dossier: PaymentDossier; payment: Payment | null }> = {
  loading: { dossier: due(), payment: null },
  due: { dossier: due(), payment: null },
  pending_qr: { dossier: due(), payment: qrPayment },
  pending_gateway: { dossier: due(), payment: gatewayPayment },
  paid: {
    dossier: { id: ID, status: 'in_progress' },
    payment: {
      ...qrPayment,
      status: 'paid',
      vietqr: undefined,
      expiresAt: undefined,
      receiptNumber: 'BL2026-000042',
      paidAt: inHours(-1),
    },
  },
  failed: {
    dossier: due(),
    payment: { ...gatewayPayment, status: 'failed', failureReason: 'declined' },
  },
  expired: { dossier: due(), payment: { ...qrPayment, status: 'expired', vietqr: undefined } },
  overdue: { dossier: due(-2), payment: null },
  nothing_due: { dossier: { id: ID, status: 'in_progress' }, payment: null },
  error: { dossier: due(), payment: null },
  offline: { dossier: due(), payment: null },
};

/** A stand-in for `createClient()` of `@egov-kit/client`, answering as the server would. */
function client(kind: Kind): PaymentClient {
  const state = STATE[kind];
  return {
    dossiers: {
      get: async () => {
        if (kind === 'loading') return new Promise<never>(() => {});
        if (kind === 'error') throw Object.assign(new Error('500'), { status: 500 });
        if (kind === 'offline') throw Object.assign(new Error('offline'), { name: 'NetworkError' });
        return state.dossier;
      },
    },
    payments: {
      list: async () => ({ items: state.payment ? [state.payment] : [] }),
      methods: async () => ({ items: METHODS }),
      create: async (_id, request) =>
        request.provider === 'vietqr' ? qrPayment : { ...gatewayPayment, checkoutUrl: '#gateway' },
      // A pending payment stays pending in the story (no bank behind it).
      get: async () => state.payment ?? qrPayment,
      receipt: async () =>
        new File(['%PDF-1.7 story'], 'bien-lai-BL2026-000042.pdf', { type: 'application/pdf' }),
    },
  };
}

const meta: Meta<Args> = {
  title: 'Tracking/Payment',
  component: 'egov-payment',
  args: { lang: 'vi', kind: 'due', width: '100%', theme: 'light' },
  argTypes: {
    kind: { control: 'select', options: Object.keys(STATE) },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: ({ lang, kind, width, theme }) =>
    html`<div lang=${lang} style="max-width:${width}">
      <egov-payment
        theme=${theme}
        dossier-id=${ID}
        .client=${client(kind)}
        @egov-payment-redirect=${(event: Event) => event.preventDefault()}
        @egov-payment-paid=${() => {}}
      ></egov-payment>
    </div>`,
};

export default meta;
type Story = StoryObj<Args>;

/** Waiting for the server. */
export const Loading: Story = { args: { kind: 'loading' } };
/** The fees asked for, and the ways to pay. */
export const Due: Story = { args: { kind: 'due' } };
/** A VietQR code to scan, with the same details as text to copy; polled until paid. */
export const PendingVietQr: Story = { args: { kind: 'pending_qr' } };
/** A gateway payment awaiting the gateway's answer. */
export const PendingGateway: Story = { args: { kind: 'pending_gateway' } };
/** Paid: the receipt to download. */
export const Paid: Story = { args: { kind: 'paid' } };
/** Declined at the gateway: pay again. */
export const Failed: Story = { args: { kind: 'failed' } };
/** The payment expired: start a new one. */
export const Expired: Story = { args: { kind: 'expired' } };
/** The time to pay has passed. */
export const Overdue: Story = { args: { kind: 'overdue' } };
/** No fees are due. */
export const NothingDue: Story = { args: { kind: 'nothing_due' } };
/** The server failed: try again. */
export const ServerError: Story = { args: { kind: 'error' } };
/** Offline: retried when the connection is back. */
export const Offline: Story = { args: { kind: 'offline' } };
/** In English. */
export const English: Story = { args: { kind: 'pending_qr', lang: 'en' } };
/** A phone's width, 360 px. */
export const Phone: Story = { args: { kind: 'pending_qr', width: '360px' } };
/** The dark theme. */
export const Dark: Story = { args: { kind: 'pending_qr', theme: 'dark' } };
