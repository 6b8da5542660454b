import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { HttpProblem } from '../http/problem.js';
import type { DemoGateway } from '../payments/demo-gateway-provider.js';
import { SIGNATURE_HEADER, signBody } from '../payments/signature.js';
import type { VietQrAccount } from '../payments/vietqr-provider.js';

/** The demo bank and demo gateway, and how they reach the server's notification endpoint. */
export interface DemoPaymentOptions {
  readonly demoBank?: VietQrAccount | undefined;
  readonly demoGateway?: DemoGateway | undefined;
  /** Sends a request to this server (the provider's server-to-server callback). */
  readonly deliver?: ((request: Request) => Promise<Response>) | undefined;
}

const PAGE_HEADERS = { 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' };

/**
 * The demo providers' own sides, under `/demo/` (never on a real deployment):
 *
 * - `POST /demo/bank/transfers` `{ reference, amount, notificationId? }`: "the demo bank
 *   confirms" a VietQR transfer — it signs a notification as the agency's bank would and sends
 *   it to `/api/v1/payment-notifications/vietqr`; the same `notificationId` twice is a duplicate;
 * - `GET /demo/gateway/{reference}`: the demo gateway's payment page (confirm or decline);
 *   `POST` the decision: the citizen is sent back, and the gateway calls the server, signed.
 */
export function demoPaymentRoutes(routes: Hono, options: DemoPaymentOptions): void {
  const send = async (
    provider: string,
    secret: Uint8Array | string,
    notification: Record<string, unknown>,
  ) => {
    if (!options.deliver) throw new Error('demo payments need deliver');
    const body = JSON.stringify(notification);
    const response = await options.deliver(
      new Request(`http://demo.invalid/api/v1/payment-notifications/${provider}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(secret, body) },
        body,
      }),
    );
    return { status: response.status, body: await response.json() };
  };

  routes.post('/bank/transfers', async (c) => {
    const bank = options.demoBank;
    if (!bank) {
      throw new HttpProblem('not_found', {
        vi: 'Máy chủ dùng tài khoản VietQR thật: không có ngân hàng demo.',
        en: 'This server uses a real VietQR account: there is no demo bank.',
      });
    }
    const input = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    if (typeof input.reference !== 'string' || !Number.isSafeInteger(input.amount)) {
      throw new HttpProblem('validation', {
        vi: 'Cần mã thanh toán (reference) và số tiền (amount).',
        en: 'Give the payment reference and the amount.',
      });
    }
    const answer = await send('vietqr', bank.secret, {
      notificationId:
        typeof input.notificationId === 'string'
          ? input.notificationId
          : `demo-bank-${randomUUID()}`,
      reference: input.reference,
      amount: input.amount,
      currency: 'VND',
      status: 'paid',
      occurredAt: new Date().toISOString(),
    });
    return c.json(answer, 200, { 'cache-control': 'no-store' });
  });

  routes.get('/gateway/:reference', (c) => {
    const payment = options.demoGateway?.payments.get(c.req.param('reference'));
    if (!payment)
      return c.html(
        gatewayPage(`Không có giao dịch này / ${en('No such payment.')}`),
        404,
        PAGE_HEADERS,
      );
    if (payment.status !== 'pending' || payment.expiresAt <= new Date()) {
      return c.html(
        gatewayPage(`Giao dịch đã kết thúc / ${en('This payment is closed.')}`, payment.returnUrl),
        409,
        PAGE_HEADERS,
      );
    }
    const amount = new Intl.NumberFormat('vi-VN').format(payment.amount);
    const action = `/demo/gateway/${encodeURIComponent(payment.reference)}`;
    return c.html(
      gatewayPage(
        `<p>Số tiền / ${en('Amount')}: <strong>${amount} ₫</strong></p>
<p>Mã giao dịch / ${en('Reference')}: <strong>${escapeHtml(payment.reference)}</strong></p>
<form method="post" action="${action}"><input type="hidden" name="decision" value="confirm">
<button type="submit" class="primary">Xác nhận thanh toán / ${en('Confirm payment')}</button></form>
<form method="post" action="${action}"><input type="hidden" name="decision" value="decline">
<button type="submit">Từ chối / ${en('Decline')}</button></form>`,
      ),
      200,
      PAGE_HEADERS,
    );
  });

  routes.post('/gateway/:reference', async (c) => {
    const gateway = options.demoGateway;
    const payment = gateway?.payments.get(c.req.param('reference'));
    if (!gateway || !payment) {
      return c.html(
        gatewayPage(`Không có giao dịch này / ${en('No such payment.')}`),
        404,
        PAGE_HEADERS,
      );
    }
    if (payment.status !== 'pending' || payment.expiresAt <= new Date()) {
      return c.html(
        gatewayPage(`Giao dịch đã kết thúc / ${en('This payment is closed.')}`, payment.returnUrl),
        409,
        PAGE_HEADERS,
      );
    }
    const form = await c.req.parseBody();
    payment.status = form.decision === 'confirm' ? 'paid' : 'failed';
    // The gateway's server calls the agency's server, signed; the browser only comes back.
    await send('demo_gateway', gateway.secret, {
      notificationId: `demo-gateway-${randomUUID()}`,
      reference: payment.reference,
      amount: payment.amount,
      currency: 'VND',
      status: payment.status,
      occurredAt: new Date().toISOString(),
    });
    if (payment.returnUrl) {
      const back = new URL(payment.returnUrl);
      back.searchParams.set('payment', payment.status === 'paid' ? 'done' : 'declined');
      return c.redirect(back.pathname + back.search + back.hash, 303);
    }
    return c.html(gatewayPage(`Đã xong / ${en('Done.')}`), 200, PAGE_HEADERS);
  });
}

function gatewayPage(content: string, back?: string): string {
  const backLink = back
    ? `<p><a href="${escapeHtml(new URL(back).pathname)}">Quay lại / ${en('Back')}</a></p>`
    : '';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thanh toán DEMO</title><link rel="stylesheet" href="/portal.css"></head>
<body><main class="demo-gateway"><h1>Cổng thanh toán DEMO / ${en('Demo payment gateway')}</h1>
<p role="note"><strong>DEMO</strong>: không có tiền thật / ${en('no real money moves.')}</p>
${content}${backLink}</main></body></html>`;
}

/** English words on the Vietnamese page, marked as such (WCAG 3.1.2). */
function en(text: string): string {
  return `<span lang="en">${text}</span>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
