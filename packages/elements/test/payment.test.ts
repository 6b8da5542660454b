import type { Client } from '@egov-kit/client';
import { type Fee, type Payment, type PaymentMethod, vietQrPayload } from '@egov-kit/schema';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
// jsQR ships only a UMD build: run as a module, it sets `self.jsQR`.
import 'jsqr';
import '../src/payment/define.js';
import type { EgovPayment, PaymentClient, PaymentDossier } from '../src/payment/payment.js';
import { until } from './helpers.js';

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = (globalThis as unknown as { jsQR: Decode }).jsQR;

// The real client fits the element's `client` property (a compile-time check).
const fits: (client: Client) => PaymentClient = (client) => client;
void fits;

const ID = '6f1c1d1e-0000-4000-8000-000000000002';
const FEES: Fee[] = [
  { kind: 'charge', amount: 50000, purpose: 'Lệ phí cấp bản sao', legalBasis: '281/2016/TT-BTC' },
  { kind: 'fee', amount: 8000, purpose: 'Phí cấp bản sao' },
];
const DOSSIER: PaymentDossier = {
  id: ID,
  code: 'HS-260213-000042',
  status: 'awaiting_payment',
  pendingFees: FEES,
  paymentDueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
};
const METHODS: PaymentMethod[] = [
  { provider: 'cash', kind: 'desk' },
  { provider: 'vietqr', kind: 'qr' },
  { provider: 'demo_gateway', kind: 'redirect', demo: true },
];
const FAST = { initialMs: 20, maxMs: 40, factor: 1.5 };

function payment(overrides: Partial<Payment> = {}): Payment {
  const reference = 'HS260213000042P1';
  return {
    id: '6f1c1d1e-0000-4000-8000-0000000000aa',
    dossierId: ID,
    items: FEES,
    total: 58000,
    currency: 'VND',
    provider: 'vietqr',
    status: 'pending',
    reference,
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    vietqr: {
      payload: vietQrPayload({
        bankBin: '970436',
        accountNumber: '0011001234567',
        amount: 58000,
        purpose: reference,
        billNumber: 'HS-260213-000042',
      }),
      bankBin: '970436',
      bankName: 'Vietcombank',
      accountNumber: '0011001234567',
      accountName: 'UBND PHUONG HAI CHAU',
      amount: 58000,
      purpose: reference,
    },
    ...overrides,
  };
}

const PAID = payment({
  status: 'paid',
  receiptNumber: 'BL2026-000007',
  paidAt: new Date().toISOString(),
  vietqr: undefined,
  expiresAt: undefined,
});

/** A test double of the client: answers from `script`, records the calls. */
function fakeClient(
  options: {
    dossier?: PaymentDossier;
    payments?: Payment[];
    created?: Payment;
    polls?: Payment[];
    fail?: 'network' | 'server';
  } = {},
) {
  const calls: string[] = [];
  const polls = [...(options.polls ?? [])];
  let fail = options.fail;
  const client: PaymentClient & { calls: string[]; heal(): void } = {
    calls,
    heal: () => {
      fail = undefined;
    },
    dossiers: {
      get: async () => {
        calls.push('dossier');
        if (fail === 'network') throw Object.assign(new Error('offline'), { name: 'NetworkError' });
        if (fail === 'server') throw Object.assign(new Error('boom'), { status: 500 });
        return options.dossier ?? DOSSIER;
      },
    },
    payments: {
      list: async () => ({ items: options.payments ?? [] }),
      methods: async () => ({ items: METHODS }),
      create: async (_id, request) => {
        calls.push(`create:${request.provider}:${request.returnPath ?? ''}`);
        return options.created ?? payment();
      },
      get: async () => {
        calls.push('get');
        return polls.length > 1 ? (polls.shift() as Payment) : (polls[0] ?? payment());
      },
      receipt: async () => {
        calls.push('receipt');
        return new File(['%PDF-1.7'], 'bien-lai-BL2026-000007.pdf', { type: 'application/pdf' });
      },
    },
  };
  return client;
}

async function mount(client: PaymentClient | null, lang = 'vi', extra: Partial<EgovPayment> = {}) {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <egov-payment dossier-id=${ID} return-path="/track.html?id=x" .polling=${FAST}
      .client=${client} .dossier=${extra.dossier ?? null} .payment=${extra.payment ?? null}
      .methods=${extra.methods ?? null}></egov-payment>
  </div>`);
  const element = wrapper.querySelector('egov-payment') as EgovPayment;
  await element.updateComplete;
  return element;
}

const text = (element: Element) =>
  (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (element: EgovPayment, label: RegExp) =>
  [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
    label.test(b.textContent ?? ''),
  ) as HTMLButtonElement;
const live = (element: EgovPayment) =>
  element.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '';

/** Reads the QR code back as a phone would: draws the SVG on a canvas and decodes it. */
async function decodeQr(element: EgovPayment): Promise<string | null> {
  const svg = element.shadowRoot?.querySelector('[part="qr"] svg') as SVGSVGElement;
  const source = new XMLSerializer().serializeToString(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const size = 400;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.imageSmoothingEnabled = false;
  context.drawImage(image, 0, 0, size, size);
  return jsQR(context.getImageData(0, 0, size, size).data, size, size)?.data ?? null;
}

/** An EMV TLV reader and CRC-16/CCITT-FALSE written for this test, apart from the builder. */
function tlv(payload: string): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < payload.length; ) {
    const length = Number.parseInt(payload.slice(i + 2, i + 4), 10);
    out.set(payload.slice(i, i + 2), payload.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return out;
}
function crc(text: string): string {
  let value = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    for (let bit = 7; bit >= 0; bit--) {
      const top = ((value >> 15) & 1) ^ ((byte >> bit) & 1);
      value = (value << 1) & 0xffff;
      if (top) value ^= 0x1021;
    }
  }
  return value.toString(16).toUpperCase().padStart(4, '0');
}

describe('egov-payment', () => {
  it('shows the fees with purpose, legal basis and total, and the ways to pay (vi)', async () => {
    const element = await mount(fakeClient());
    await until(() => element.view === 'due');
    const fees = element.shadowRoot?.querySelector('[part="fees"]') as HTMLTableElement;
    expect(fees.querySelector('caption')?.textContent).to.contain('Các khoản phải nộp');
    const shown = text(element);
    expect(shown).to.contain('Lệ phí cấp bản sao');
    expect(shown).to.contain('281/2016/TT-BTC');
    expect(shown.replace(/\s/g, ' ')).to.match(/58\.000\s?₫/);
    expect(button(element, /VietQR/)).to.exist;
    expect(button(element, /cổng thanh toán/)).to.exist;
    expect(shown).to.contain('DEMO');
    expect(shown).to.contain('Một cửa');
    await expect(element).to.be.accessible();
  });

  it('speaks English on an English page', async () => {
    const element = await mount(fakeClient(), 'en');
    await until(() => element.view === 'due');
    expect(text(element)).to.contain('What to pay');
    expect(text(element)).to.contain('₫58,000');
    expect(button(element, /Bank transfer with VietQR/)).to.exist;
  });

  it('draws a VietQR code a phone reads back, with the same details as text', async () => {
    const client = fakeClient({ polls: [payment()] });
    const element = await mount(client);
    await until(() => element.view === 'due');
    button(element, /VietQR/).click();
    await until(() => !!element.shadowRoot?.querySelector('[part="qr"] svg'));
    expect(client.calls).to.include('create:vietqr:/track.html?id=x');
    const decoded = await decodeQr(element);
    const expected = payment().vietqr?.payload as string;
    expect(decoded).to.equal(expected);
    const top = tlv(decoded as string);
    expect(top.get('54')).to.equal('58000');
    expect(top.get('53')).to.equal('704');
    expect(tlv(top.get('62') as string).get('08')).to.equal('HS260213000042P1');
    expect(tlv(top.get('38') as string).get('00')).to.equal('A000000727');
    expect((decoded as string).slice(-4)).to.equal(crc((decoded as string).slice(0, -4)));
    const svg = element.shadowRoot?.querySelector('[part="qr"] svg') as SVGElement;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.contain('0011001234567');
    const details = element.shadowRoot?.querySelector('[part="details"]')?.textContent ?? '';
    expect(details).to.contain('0011001234567');
    expect(details).to.contain('UBND PHUONG HAI CHAU');
    expect(details).to.contain('HS260213000042P1');
    expect(live(element)).to.contain('Đang chờ ngân hàng xác nhận');
    await expect(element).to.be.accessible();
    element.remove();
  });

  it('copies the account number and says so', async () => {
    const element = await mount(null, 'vi', {
      dossier: DOSSIER,
      payment: payment(),
      methods: METHODS,
    });
    let written = '';
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (value: string) => {
          written = value;
        },
      },
    });
    try {
      button(element, /Chép số tài khoản/).click();
      await until(() => written !== '');
      expect(written).to.equal('0011001234567');
      await until(() => live(element).includes('Đã chép'));
      button(element, /Chép số tiền/).click();
      await until(() => written === '58000');
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('follows the status until paid, announces it, fires egov-payment-paid once, offers the receipt', async () => {
    const client = fakeClient({ payments: [payment()], polls: [payment(), payment(), PAID] });
    const element = await mount(client);
    const paid = oneEvent(element, 'egov-payment-paid');
    await until(() => element.view === 'paid', 5000);
    expect((await paid).detail.payment.receiptNumber).to.equal('BL2026-000007');
    expect(client.calls.filter((c) => c === 'get').length).to.be.greaterThanOrEqual(3);
    expect(live(element)).to.contain('Đã thanh toán');
    expect(text(element)).to.contain('BL2026-000007');
    const gets = client.calls.filter((c) => c === 'get').length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(client.calls.filter((c) => c === 'get').length, 'polling stops once paid').to.equal(
      gets,
    );
    button(element, /Tải biên lai/).click();
    await until(() => client.calls.includes('receipt'));
    await expect(element).to.be.accessible();
  });

  it('stops asking while the page is hidden and asks at once when it is shown', async () => {
    const client = fakeClient({ payments: [payment()], polls: [payment()] });
    const element = await mount(client);
    await until(() => element.view === 'pending');
    await until(() => client.calls.includes('get'));
    const state = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    await element.updateComplete;
    expect(text(element)).to.contain('Tạm dừng cập nhật');
    const before = client.calls.filter((c) => c === 'get').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.calls.filter((c) => c === 'get').length).to.equal(before);
    Object.defineProperty(document, 'visibilityState', state as PropertyDescriptor);
    delete (document as unknown as Record<string, unknown>).visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => client.calls.filter((c) => c === 'get').length > before);
    element.remove();
  });

  it('goes to the gateway, or lets the page do it when it cancels the event', async () => {
    const gateway = payment({
      provider: 'demo_gateway',
      vietqr: undefined,
      checkoutUrl: '/demo/gateway/HS260213000042P2',
    });
    const client = fakeClient({ created: gateway });
    const element = await mount(client);
    await until(() => element.view === 'due');
    element.addEventListener('egov-payment-redirect', (event) => event.preventDefault());
    const redirect = oneEvent(element, 'egov-payment-redirect');
    button(element, /cổng thanh toán/).click();
    expect((await redirect).detail.url).to.equal('/demo/gateway/HS260213000042P2');
    expect(element.view).to.equal('redirecting');
    expect(client.calls).to.include('create:demo_gateway:/track.html?id=x');
    expect(live(element)).to.contain('Đang chuyển');
  });

  it('after a declined payment offers to pay again', async () => {
    const declined = payment({ status: 'failed', failureReason: 'declined', vietqr: undefined });
    const element = await mount(fakeClient({ payments: [declined] }));
    await until(() => element.view === 'failed');
    expect(text(element)).to.contain('không thành công');
    await expect(element).to.be.accessible();
    button(element, /Thanh toán lại/).click();
    await element.updateComplete;
    expect(element.view).to.equal('due');
  });

  it('expires a pending payment at its time, and says not to use the old code', async () => {
    const soon = payment({ expiresAt: new Date(Date.now() + 150).toISOString() });
    const element = await mount(fakeClient({ payments: [soon], polls: [soon] }));
    await until(() => element.view === 'pending');
    await until(() => element.view === 'expired', 3000);
    expect(live(element)).to.contain('hết hạn');
    await expect(element).to.be.accessible();
  });

  it('says when the time to pay has passed, and when nothing is due', async () => {
    const overdue = await mount(
      fakeClient({
        dossier: { ...DOSSIER, paymentDueAt: new Date(Date.now() - 1000).toISOString() },
      }),
    );
    await until(() => overdue.view === 'overdue');
    expect(text(overdue)).to.contain('quá hạn nộp phí');
    await expect(overdue).to.be.accessible();
    const none = await mount(fakeClient({ dossier: { id: ID, status: 'in_progress' } }));
    await until(() => none.view === 'nothing_due');
    await expect(none).to.be.accessible();
    const done = await mount(
      fakeClient({ dossier: { id: ID, status: 'in_progress' }, payments: [PAID] }),
    );
    await until(() => done.view === 'paid');
  });

  it('on an error offers to try again; offline, it retries when the connection returns', async () => {
    const client = fakeClient({ fail: 'server' });
    const element = await mount(client);
    await until(() => element.view === 'error');
    await expect(element).to.be.accessible();
    client.heal();
    button(element, /Thử lại/).click();
    await until(() => element.view === 'due');
    const offlineClient = fakeClient({ fail: 'network' });
    const offline = await mount(offlineClient);
    await until(() => offline.view === 'offline');
    offlineClient.heal();
    window.dispatchEvent(new Event('online'));
    await until(() => offline.view === 'due');
  });

  it('fits 360 px without scrolling sideways, in the dark theme too', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div
      style="width: 360px; background: #16202b; color-scheme: dark" lang="vi">
      <egov-payment theme="dark" .dossier=${DOSSIER} .payment=${payment()} .methods=${METHODS}></egov-payment>
    </div>`);
    const element = wrapper.querySelector('egov-payment') as EgovPayment;
    await until(() => !!element.shadowRoot?.querySelector('[part="qr"] svg'));
    expect(element.scrollWidth).to.be.at.most(360);
    // The colours really are the dark ones (light text on the dark surface).
    expect(getComputedStyle(element).color).to.equal('rgb(232, 234, 237)');
    // …but the QR code stays dark on light, which is what a camera reads.
    const qr = element.shadowRoot?.querySelector('[part="qr"] svg') as SVGElement;
    expect(getComputedStyle(qr).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(qr).color).to.equal('rgb(0, 0, 0)');
    await expect(element).to.be.accessible();
  });
});
