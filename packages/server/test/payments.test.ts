import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { crc16Ccitt, type Dossier, type Payment } from '@egov-kit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cashProvider,
  configurePayments,
  type DemoGatewayPayment,
  demoGatewayProvider,
  PaymentProviders,
  signBody,
  vietQrProvider,
} from '../src/index.js';
import { DATABASE_KIND } from './support/database.js';
import { type Harness, startHarness } from './support/harness.js';
import { act, key, submitted } from './support/journeys.js';

const BANK_SECRET = randomBytes(32);
const GATEWAY_SECRET = randomBytes(32);
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const gateway = demoGatewayProvider(GATEWAY_SECRET);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    app: {
      payments: new PaymentProviders([
        cashProvider(),
        vietQrProvider({
          bankBin: '970436',
          accountNumber: '0011001234567',
          accountName: 'UBND PHUONG HAI CHAU',
          secret: BANK_SECRET,
        }),
        gateway,
      ]),
      receiptFont: existsSync(FONT) ? new Uint8Array(readFileSync(FONT)) : undefined,
    },
  });
}, 120_000);
afterAll(() => h?.close());

const FEES = [
  {
    kind: 'charge' as const,
    amount: 50000,
    purpose: 'Lệ phí cấp bản sao trích lục',
    legalBasis: 'Thông tư 281/2016/TT-BTC',
  },
  { kind: 'fee' as const, amount: 8000, purpose: 'Phí cấp bản sao' },
];
const TOTAL = 58000;

/** A dossier in progress, then asked for the fees. */
async function awaitingPayment(paymentDueAt?: string): Promise<Dossier> {
  const dossier = await submitted(h);
  await act(h, dossier.id, { action: 'receive' });
  await act(h, dossier.id, { action: 'start_processing' });
  const asked = await act(h, dossier.id, {
    action: 'request_payment',
    fees: FEES,
    ...(paymentDueAt ? { paymentDueAt } : {}),
  });
  expect(asked.status).toBe('awaiting_payment');
  // What the payment page shows before any attempt: the fees and the time to pay by.
  expect(asked.pendingFees).toEqual(FEES);
  expect(Date.parse(asked.paymentDueAt as string)).toBeGreaterThan(Date.now());
  return asked;
}

async function pay(dossierId: string, provider: string, returnPath?: string): Promise<Payment> {
  const response = await h.request('POST', `/api/v1/dossiers/${dossierId}/payments`, {
    token: h.tokens.citizen,
    json: { provider, ...(returnPath ? { returnPath } : {}) },
    headers: { 'idempotency-key': key() },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

interface Notice {
  notificationId: string;
  reference: string;
  amount: number;
  currency: string;
  status: 'paid' | 'failed';
  occurredAt: string;
}

function notice(payment: Payment, overrides: Partial<Notice> = {}): Notice {
  return {
    notificationId: randomUUID(),
    reference: payment.reference as string,
    amount: payment.total,
    currency: 'VND',
    status: 'paid',
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Sends a notification as raw bytes, signed with `secret` unless a signature is given. */
async function notify(
  provider: string,
  body: Notice | string,
  options: { secret?: Uint8Array; signature?: string | null } = {},
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const secret = options.secret ?? (provider === 'vietqr' ? BANK_SECRET : GATEWAY_SECRET);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = options.signature === undefined ? signBody(secret, raw) : options.signature;
  if (signature !== null) headers['x-egov-signature'] = signature;
  const response = await h.fetch(`/api/v1/payment-notifications/${provider}`, {
    method: 'POST',
    headers,
    body: raw,
  });
  return { status: response.status, body: await response.json() };
}

async function dossierOf(id: string): Promise<Dossier> {
  return (await h.request('GET', `/api/v1/dossiers/${id}`, { token: h.tokens.citizen })).body;
}

async function paymentOf(dossierId: string, paymentId: string): Promise<Payment> {
  const response = await h.request('GET', `/api/v1/dossiers/${dossierId}/payments/${paymentId}`, {
    token: h.tokens.citizen,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.body;
}

async function eventsOf(id: string): Promise<{ action: string; actor: { role: string } }[]> {
  return (await h.request('GET', `/api/v1/dossiers/${id}/events`, { token: h.tokens.citizen })).body
    .items;
}

/** An EMV TLV reader written for this test, apart from the schema package's builder. */
function tlv(payload: string): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < payload.length; ) {
    const length = Number.parseInt(payload.slice(i + 2, i + 4), 10);
    out.set(payload.slice(i, i + 2), payload.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return out;
}

describe(`payments (${DATABASE_KIND})`, () => {
  it('lists the ways to pay on offer', async () => {
    const methods = await h.request('GET', '/api/v1/payment-methods');
    expect(methods.body.items).toEqual([
      { provider: 'cash', kind: 'desk' },
      { provider: 'vietqr', kind: 'qr' },
      { provider: 'demo_gateway', kind: 'redirect', demo: true },
    ]);
  });

  it('pauses the clock while the fees are due; the bank notification pays once and resumes it', async () => {
    const dossier = await awaitingPayment();
    expect(dossier.pausedSince).toBeDefined();
    const payment = await pay(dossier.id, 'vietqr');
    expect(payment).toMatchObject({ status: 'pending', total: TOTAL, currency: 'VND' });
    expect(payment.items[0]).toMatchObject(FEES[0] as object);
    expect(Date.parse(payment.expiresAt as string)).toBeGreaterThan(Date.now() + 71 * 3600_000);

    // The payload, read by this test's own TLV reader, carries what the bank needs.
    const qr = payment.vietqr?.payload as string;
    const top = tlv(qr);
    expect(qr.slice(-8, -4)).toBe('6304');
    expect(qr.slice(-4)).toBe(crc16Ccitt(qr.slice(0, -4)));
    expect(top.get('01')).toBe('12');
    expect(top.get('53')).toBe('704');
    expect(top.get('54')).toBe(String(TOTAL));
    expect(top.get('58')).toBe('VN');
    const merchant = tlv(top.get('38') as string);
    expect(merchant.get('00')).toBe('A000000727');
    expect(merchant.get('02')).toBe('QRIBFTTA');
    expect(tlv(merchant.get('01') as string).get('01')).toBe('0011001234567');
    const additional = tlv(top.get('62') as string);
    expect(additional.get('08')).toBe(payment.reference);
    expect(additional.get('01')).toBe(dossier.code);
    expect(payment.vietqr).toMatchObject({ amount: TOTAL, purpose: payment.reference });

    const answer = await notify('vietqr', notice(payment));
    expect(answer).toEqual({ status: 200, body: { outcome: 'applied', paymentStatus: 'paid' } });
    const paid = await paymentOf(dossier.id, payment.id);
    expect(paid).toMatchObject({
      status: 'paid',
      receiptNumber: expect.stringMatching(/^BL\d{4}-\d{6}$/),
    });
    expect(paid.vietqr).toBeUndefined();
    const after = await dossierOf(dossier.id);
    expect(after.status).toBe('in_progress');
    expect(after.pausedSince).toBeUndefined();
    expect(after.pendingFees).toBeUndefined();
    expect(after.paymentDueAt).toBeUndefined();
    const events = await eventsOf(dossier.id);
    const confirmations = events.filter((e) => e.action === 'confirm_payment');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.actor.role).toBe('system');
  });

  describe('a stranger’s notification', () => {
    let dossier: Dossier;
    let payment: Payment;
    beforeAll(async () => {
      dossier = await awaitingPayment();
      payment = await pay(dossier.id, 'vietqr');
    });

    it('is refused without a signature, with a wrong one, another provider’s, or a changed body', async () => {
      const body = notice(payment);
      expect((await notify('vietqr', body, { signature: null })).status).toBe(401);
      expect((await notify('vietqr', body, { signature: `sha256=${'0'.repeat(64)}` })).status).toBe(
        401,
      );
      expect((await notify('vietqr', body, { signature: 'sha256=zz' })).status).toBe(401);
      expect((await notify('vietqr', body, { secret: GATEWAY_SECRET })).status).toBe(401);
      // Signed, then one byte changed: the amount as a float that JSON would read the same.
      const raw = JSON.stringify(body);
      const signature = signBody(BANK_SECRET, raw);
      const changed = raw.replace(`"amount":${TOTAL}`, `"amount":${TOTAL}.0`);
      expect((await notify('vietqr', changed, { signature })).status).toBe(401);
      const problem = await notify('vietqr', body, { signature: null });
      expect(problem.body.code).toBe('bad_signature');
      expect((await paymentOf(dossier.id, payment.id)).status).toBe('pending');
    });

    it('is refused for an unknown provider and when the body is not a notification', async () => {
      expect((await notify('paypal', notice(payment))).status).toBe(404);
      const bad = await notify('vietqr', '{"hello":1}');
      expect(bad.status).toBe(400);
      expect((await notify('vietqr', 'not json')).status).toBe(400);
      expect((await notify('vietqr', 'x'.repeat(20_000))).status).toBe(413);
    });

    it('records but does not apply a wrong amount, currency or reference', async () => {
      for (const [overrides, subcode] of [
        [{ amount: TOTAL - 1 }, 'amount_mismatch'],
        [{ amount: TOTAL * 10 }, 'amount_mismatch'],
        [{ currency: 'USD' }, 'currency_mismatch'],
        [{ reference: 'HS999P1' }, 'unknown_reference'],
      ] as const) {
        const answer = await notify('vietqr', notice(payment, overrides));
        expect(answer.status).toBe(422);
        expect(answer.body.code).toBe(subcode);
      }
      const [recorded] = await h.db.query<{ count: string }>(
        "select count(*) as count from payment_notifications where outcome like 'rejected:%'",
      );
      expect(Number(recorded?.count)).toBeGreaterThanOrEqual(4);
      expect((await paymentOf(dossier.id, payment.id)).status).toBe('pending');
      expect((await dossierOf(dossier.id)).status).toBe('awaiting_payment');
    });

    it('refuses a replay outside ±10 minutes, even with a fresh id', async () => {
      const old = notice(payment, { occurredAt: new Date(Date.now() - 11 * 60_000).toISOString() });
      const answer = await notify('vietqr', old);
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('stale');
      const future = notice(payment, {
        occurredAt: new Date(Date.now() + 11 * 60_000).toISOString(),
      });
      expect((await notify('vietqr', future)).status).toBe(401);
      expect((await paymentOf(dossier.id, payment.id)).status).toBe('pending');
    });

    it('marks the dossier paid once under 30 duplicate and 10 distinct callbacks at once', async () => {
      const same = notice(payment);
      const answers = await Promise.all([
        ...Array.from({ length: 30 }, () => notify('vietqr', same)),
        ...Array.from({ length: 10 }, () => notify('vietqr', notice(payment))),
      ]);
      for (const answer of answers) expect(answer.status).toBe(200);
      const outcomes = answers.map((a) => a.body.outcome);
      expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'duplicate').length).toBeGreaterThanOrEqual(29);
      const events = await eventsOf(dossier.id);
      expect(events.filter((e) => e.action === 'confirm_payment')).toHaveLength(1);
      const payments = await h.db.query<{ status: string; receipt_number: string }>(
        'select status, receipt_number from payments where dossier_id = $1',
        [dossier.id],
      );
      expect(payments.filter((p) => p.status === 'paid')).toHaveLength(1);
      const [{ count } = { count: '0' }] = await h.db.query<{ count: string }>(
        'select count(*) as count from payment_notifications where provider = $1 and notification_id = $2',
        ['vietqr', same.notificationId],
      );
      expect(Number(count)).toBe(1);
      // Late: a decline after the payment is paid changes nothing; a paid payment stays paid.
      const late = await notify('vietqr', notice(payment, { status: 'failed' }));
      expect(late.body).toEqual({ outcome: 'ignored', paymentStatus: 'paid' });
      expect((await paymentOf(dossier.id, payment.id)).status).toBe('paid');
      expect((await dossierOf(dossier.id)).status).toBe('in_progress');
    });
  });

  it('gateway: declined, retried, paid; the replaced attempt’s late payment moves nothing', async () => {
    const dossier = await awaitingPayment();
    const qr = await pay(dossier.id, 'vietqr');
    const first = await pay(dossier.id, 'demo_gateway', '/track.html?id=x');
    expect(first.checkoutUrl).toBe(`/demo/gateway/${first.reference}`);
    expect(first.reference).not.toBe(qr.reference);
    expect((await paymentOf(dossier.id, qr.id)).status).toBe('cancelled');
    // The citizen declines on the gateway's page.
    const declined = await notify('demo_gateway', notice(first, { status: 'failed' }));
    expect(declined.body).toEqual({ outcome: 'applied', paymentStatus: 'failed' });
    expect(await paymentOf(dossier.id, first.id)).toMatchObject({
      status: 'failed',
      failureReason: 'declined',
    });
    expect((await dossierOf(dossier.id)).status).toBe('awaiting_payment');
    // The QR transfer made before the switch arrives late: recorded, the dossier does not move.
    const lateQr = await notify('vietqr', notice(qr));
    expect(lateQr.body).toEqual({ outcome: 'ignored', paymentStatus: 'cancelled' });
    expect((await dossierOf(dossier.id)).status).toBe('awaiting_payment');
    // Retry, confirm.
    const retry = await pay(dossier.id, 'demo_gateway');
    const paid = await notify('demo_gateway', notice(retry));
    expect(paid.body.outcome).toBe('applied');
    expect((await dossierOf(dossier.id)).status).toBe('in_progress');
    // The first attempt's out-of-order success after the retry paid: ignored, never twice.
    const outOfOrder = await notify('demo_gateway', notice(first));
    expect(outOfOrder.body.outcome).toBe('ignored');
    const paidRows = await h.db.query(
      'select id from payments where dossier_id = $1 and status = $2',
      [dossier.id, 'paid'],
    );
    expect(paidRows).toHaveLength(1);
  });

  it('asks the gateway about a payment whose callback never came, and applies its answer once', async () => {
    const dossier = await awaitingPayment();
    const payment = await pay(dossier.id, 'demo_gateway');
    // Paid on the gateway's side; its callback is lost. Within 30 s the server waits for it.
    gateway.payments.set(payment.reference as string, {
      ...(gateway.payments.get(payment.reference as string) as DemoGatewayPayment),
      status: 'paid',
    });
    expect((await paymentOf(dossier.id, payment.id)).status).toBe('pending');
    await h.db.query(
      "update payments set created_at = created_at - interval '1 minute' where id = $1",
      [payment.id],
    );
    const answers = await Promise.all([
      paymentOf(dossier.id, payment.id),
      paymentOf(dossier.id, payment.id),
    ]);
    expect(answers.some((a) => a.status === 'paid')).toBe(true);
    expect((await paymentOf(dossier.id, payment.id)).status).toBe('paid');
    expect((await dossierOf(dossier.id)).status).toBe('in_progress');
    const events = await eventsOf(dossier.id);
    expect(events.filter((e) => e.action === 'confirm_payment')).toHaveLength(1);
    // The callback arrives after all: a duplicate of nothing, ignored.
    const late = await notify('demo_gateway', notice(payment));
    expect(late.body).toEqual({ outcome: 'ignored', paymentStatus: 'paid' });
  });

  it('expires: a late notification is ignored and paying after the due time is refused', {
    timeout: 30_000,
  }, async () => {
    // Submitting and receiving take a while on a busy machine: a due time well ahead, then wait.
    const due = Date.now() + 8000;
    const dossier = await awaitingPayment(new Date(due).toISOString());
    const payment = await pay(dossier.id, 'vietqr');
    await new Promise((resolve) => setTimeout(resolve, due - Date.now() + 100));
    expect((await paymentOf(dossier.id, payment.id)).status).toBe('expired');
    const late = await notify('vietqr', notice(payment));
    expect(late.body).toEqual({ outcome: 'ignored', paymentStatus: 'expired' });
    expect((await dossierOf(dossier.id)).status).toBe('awaiting_payment');
    const again = await h.request('POST', `/api/v1/dossiers/${dossier.id}/payments`, {
      token: h.tokens.citizen,
      json: { provider: 'vietqr' },
      headers: { 'idempotency-key': key() },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('payment_overdue');
  });

  it('refuses a due time in the past, a provider not on offer, and a foreign return path', async () => {
    const dossier = await submitted(h);
    const past = await h.request('POST', `/api/v1/officer/dossiers/${dossier.id}/actions`, {
      token: h.tokens.officer,
      json: { action: 'request_payment', fees: FEES, paymentDueAt: '2020-01-01T00:00:00Z' },
      headers: { 'idempotency-key': key() },
    });
    expect(past.status).toBe(400);
    await act(h, dossier.id, { action: 'request_payment', fees: FEES });
    const offered = await h.request('POST', `/api/v1/dossiers/${dossier.id}/payments`, {
      token: h.tokens.citizen,
      json: { provider: 'national_payment_platform' },
      headers: { 'idempotency-key': key() },
    });
    expect(offered.status).toBe(400);
    for (const returnPath of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const foreign = await h.request('POST', `/api/v1/dossiers/${dossier.id}/payments`, {
        token: h.tokens.citizen,
        json: { provider: 'demo_gateway', returnPath },
        headers: { 'idempotency-key': key() },
      });
      expect(foreign.status, returnPath).toBe(400);
    }
  });

  it('issues the electronic receipt as a PDF, to the payer and the agency only', async () => {
    const dossier = await awaitingPayment();
    const payment = await pay(dossier.id, 'vietqr');
    const receiptPath = `/api/v1/dossiers/${dossier.id}/payments/${payment.id}/receipt`;
    const early = await h.request('GET', receiptPath, { token: h.tokens.citizen });
    expect(early.status).toBe(409);
    await notify('vietqr', notice(payment));
    const paid = await paymentOf(dossier.id, payment.id);
    const response = await h.fetch(receiptPath, {
      headers: { authorization: `Bearer ${h.tokens.citizen}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(paid.receiptNumber);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString();
    expect(text).toContain(paid.receiptNumber as string);
    expect(text).toContain(dossier.code as string);
    expect(text).toContain('58.000');
    expect(text).toContain('281/2016/TT-BTC');
    if (existsSync(FONT)) {
      expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
      expect(text).toContain('Nguyễn Văn An');
    }
    const officer = await h.fetch(receiptPath, {
      headers: { authorization: `Bearer ${h.tokens.officer}` },
    });
    expect(officer.status).toBe(200);
    for (const token of [h.tokens.citizen2, h.tokens.otherOfficer]) {
      const stranger = await h.fetch(receiptPath, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(stranger.status).toBe(404);
    }
    expect((await h.fetch(receiptPath)).status).toBe(401);
  });

  it('numbers receipts in one series without gaps', async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const dossier = await awaitingPayment();
      const payment = await pay(dossier.id, 'vietqr');
      await notify('vietqr', notice(payment));
      const paid = await paymentOf(dossier.id, payment.id);
      numbers.push(Number(paid.receiptNumber?.split('-')[1]));
    }
    expect(numbers[1]).toBe((numbers[0] as number) + 1);
    expect(numbers[2]).toBe((numbers[0] as number) + 2);
  });
});

describe(`the demo bank and the demo gateway (${DATABASE_KIND})`, () => {
  let d: Harness;
  beforeAll(async () => {
    const configured = configurePayments({}, true);
    d = await startHarness({
      app: {
        payments: configured.providers,
        demo: {
          signingIdentities: () => Promise.reject(new Error('not in this test')),
          payments: { demoBank: configured.demoBank, demoGateway: configured.demoGateway },
        },
      },
    });
  }, 120_000);
  afterAll(() => d?.close());

  async function asked(): Promise<Dossier> {
    const dossier = await submitted(d);
    return act(d, dossier.id, { action: 'request_payment', fees: FEES });
  }

  async function start(dossierId: string, provider: string, returnPath?: string): Promise<Payment> {
    const response = await d.request('POST', `/api/v1/dossiers/${dossierId}/payments`, {
      token: d.tokens.citizen,
      json: { provider, ...(returnPath ? { returnPath } : {}) },
      headers: { 'idempotency-key': key() },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('the demo bank confirms a VietQR transfer once, however often it is told', async () => {
    const dossier = await asked();
    const payment = await start(dossier.id, 'vietqr');
    expect(payment.vietqr).toMatchObject({ bankBin: '970436', accountName: 'UBND DEMO EGOV KIT' });
    const transfer = { reference: payment.reference, amount: payment.total, notificationId: 'n-1' };
    const send = () =>
      d.fetch('/demo/bank/transfers', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(transfer),
      });
    const answers = await Promise.all([send(), send(), send()]);
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(bodies.map((b) => b.body.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    const after = await d.request('GET', `/api/v1/dossiers/${dossier.id}`, {
      token: d.tokens.citizen,
    });
    expect(after.body.status).toBe('in_progress');
  });

  it('the demo gateway declines, then a retry confirms; the citizen comes back each time', async () => {
    const dossier = await asked();
    const first = await start(dossier.id, 'demo_gateway', `/track.html?id=${dossier.id}`);
    const page = await d.fetch(first.checkoutUrl as string);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('DEMO');
    expect(html).toContain('58.000');
    const decide = (payment: Payment, decision: string) =>
      d.fetch(payment.checkoutUrl as string, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `decision=${decision}`,
        redirect: 'manual',
      });
    const declined = await decide(first, 'decline');
    expect(declined.status).toBe(303);
    expect(declined.headers.get('location')).toBe(`/track.html?id=${dossier.id}&payment=declined`);
    const failed = await d.request('GET', `/api/v1/dossiers/${dossier.id}/payments/${first.id}`, {
      token: d.tokens.citizen,
    });
    expect(failed.body.status).toBe('failed');
    // The page of a closed payment cannot be used again.
    expect((await decide(first, 'confirm')).status).toBe(409);
    const retry = await start(dossier.id, 'demo_gateway', '/my.html');
    const confirmed = await decide(retry, 'confirm');
    expect(confirmed.headers.get('location')).toBe('/my.html?payment=done');
    const after = await d.request('GET', `/api/v1/dossiers/${dossier.id}`, {
      token: d.tokens.citizen,
    });
    expect(after.body.status).toBe('in_progress');
  });

  it('has no demo bank or gateway without the demo', async () => {
    expect((await h.fetch('/demo/bank/transfers', { method: 'POST', body: '{}' })).status).toBe(
      404,
    );
    expect((await h.fetch('/demo/gateway/x')).status).toBe(404);
  });
});
