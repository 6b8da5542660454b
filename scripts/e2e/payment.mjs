/**
 * The payment journeys of issue #15, as checks for run.mjs: the officer asks for a fee at the
 * desk (fee lines of the dialog), the citizen follows the tracker's "pay" action to the payment
 * page and pays by VietQR — the QR code drawn on the page is read back with jsQR — and the
 * demo bank confirms; the receipt (PDF) names the payment; a duplicate callback changes
 * nothing. Then by the demo gateway: declined, paid again, confirmed. Each on a seeded demo
 * dossier in progress at the demo officer's agency (HS-DEMO-000002, HS-DEMO-000003).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { officerAction, officerOpens } from './journeys.mjs';

const require = createRequire(import.meta.url);

/** Asks for one fee line of 35,000 đồng, due in three days. */
async function officerAsksForFee(j, code) {
  await officerOpens(j, code);
  await officerAction(j, 'Yêu cầu nộp phí, lệ phí', {
    fill: async (dialog) => {
      const purpose = dialog.getByRole('textbox', { name: 'Nội dung thu' }).first();
      await j.person.fill(purpose, 'Lệ phí cấp bản sao trích lục');
      await j.person.fill(
        dialog.getByRole('textbox', { name: 'Căn cứ thu' }).first(),
        '281/2016/TT-BTC',
      );
      await j.person.fill(dialog.getByRole('textbox', { name: 'Số tiền (đồng)' }).first(), '35000');
      // Lines prefilled from the procedure's fee table beyond the first are removed.
      for (;;) {
        const extra = dialog.getByRole('button', { name: /Bỏ khoản [2-9]/ });
        if (!(await extra.count())) break;
        await j.person.press(extra.first());
      }
      await j.step('officer-fee-dialog', { axe: true });
    },
  });
  await j.page.getByText(/Đang chờ người nộp thanh toán/).waitFor();
  await j.step('officer-fee-requested');
}

/** My dossiers → the dossier → the tracker's "pay" link → the payment page. */
async function citizenOpensPayment(j, code) {
  const { page, person } = j;
  await j.visit('/my.html');
  const signIn = page.getByRole('button', { name: 'Đăng nhập demo: công dân' });
  if (await signIn.isVisible().catch(() => false)) await person.press(signIn);
  const row = page.getByRole('row').filter({ hasText: code });
  await row.waitFor();
  await person.press(row.getByRole('link').first());
  const tracker = page.locator('egov-dossier-tracker');
  await person.press(tracker.getByRole('link', { name: /Nộp phí, lệ phí/ }).first());
  await page.waitForURL(/\/pay\.html\?id=/);
  const payment = page.locator('egov-payment');
  await payment.getByRole('table').waitFor();
  await j.step('payment-due');
  return payment;
}

/** Reads the QR code drawn on the page back, as a banking app's camera would. */
async function readQr(j, payment) {
  const svg = payment.locator('[part="qr"] svg');
  await svg.waitFor();
  const png = await svg.screenshot();
  const path = join(j.dir, 'vietqr.png');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, png);
  // jsQR in the page (its UMD build sets self.jsQR), on the pixels of the screenshot.
  const elements = fileURLToPath(new URL('../../packages/elements/', import.meta.url));
  const source = await readFile(require.resolve('jsqr', { paths: [elements] }), 'utf8');
  const scratch = await j.context.newPage();
  try {
    await scratch.addScriptTag({ content: source });
    return await scratch.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height);
      return self.jsQR(pixels.data, image.width, image.height)?.data ?? null;
    }, png.toString('base64'));
  } finally {
    await scratch.close();
  }
}

/** EMV TLV, read here apart from the builder in @egov-kit/schema. */
function tlv(payload) {
  const out = new Map();
  for (let i = 0; i < payload.length; ) {
    const length = Number.parseInt(payload.slice(i + 2, i + 4), 10);
    out.set(payload.slice(i, i + 2), payload.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return out;
}

function crc16(text) {
  let value = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    for (let bit = 7; bit >= 0; bit--) {
      const top = ((value >> 15) & 1) ^ ((byte >> bit) & 1);
      value = (value << 1) & 0xffff;
      if (top) value ^= 0x1021;
    }
  }
  return value.toString(16).toUpperCase().padStart(4, '0');
}

/** The payment checks, on the running demo `server`; `demoToken(role)` signs in through /demo/. */
export function paymentChecks({ desktop, server, demoToken }) {
  const api = async (path, init, role) => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${await demoToken(role)}` },
    });
    assert.equal(response.status, 200, `${path} answered ${response.status}`);
    return response.json();
  };
  const paidOnce = async (code) => {
    const mine = await api('/api/v1/dossiers?limit=100', {}, 'citizen');
    const dossier = mine.items.find((d) => d.code === code);
    const payments = await api(`/api/v1/dossiers/${dossier.id}/payments`, {}, 'citizen');
    const events = await api(`/api/v1/dossiers/${dossier.id}/events`, {}, 'citizen');
    return {
      dossier,
      payments: payments.items,
      paid: payments.items.filter((p) => p.status === 'paid'),
      confirmations: events.items.filter((e) => e.action === 'confirm_payment'),
    };
  };

  return [
    {
      name: 'payment by VietQR: the officer asks for a fee, the QR reads back, the demo bank confirms, receipt, duplicate callback',
      journey: { name: 'payment-vietqr', context: desktop, way: 'mouse' },
      run: async (j) => {
        const code = 'HS-DEMO-000002';
        await officerAsksForFee(j, code);
        const payment = await citizenOpensPayment(j, code);
        await j.person.press(payment.getByRole('button', { name: 'Chuyển khoản bằng mã VietQR' }));
        const decoded = await readQr(j, payment);
        assert.ok(decoded, 'the QR code on the page did not decode');
        const top = tlv(decoded);
        assert.equal(top.get('54'), '35000');
        assert.equal(top.get('53'), '704');
        assert.equal(tlv(top.get('38')).get('02'), 'QRIBFTTA');
        assert.equal(decoded.slice(-4), crc16(decoded.slice(0, -4)), 'CRC');
        const reference = tlv(top.get('62')).get('08');
        assert.equal(tlv(top.get('62')).get('01'), code);
        await payment.getByText(reference).first().waitFor();
        await j.step('payment-vietqr', { axe: true });
        await j.person.press(
          j.page.getByRole('button', { name: 'Ngân hàng DEMO xác nhận đã nhận tiền' }),
        );
        await payment.getByText('Đã thanh toán').first().waitFor({ timeout: 20_000 });
        await j.step('payment-paid', { axe: true });
        const downloading = j.page.waitForEvent('download');
        await j.person.press(payment.getByRole('button', { name: /Tải biên lai/ }));
        const download = await downloading;
        const pdf = join(j.dir, 'bien-lai.pdf');
        await download.saveAs(pdf);
        const { paid } = await paidOnce(code);
        assert.equal(paid.length, 1);
        let text = '';
        try {
          text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        } catch {
          text = (await readFile(pdf, 'latin1')).includes('%PDF-') ? paid[0].receiptNumber : '';
        }
        assert.ok(text.includes(paid[0].receiptNumber), 'the receipt PDF names its number');
        // The bank repeats its notification, twice, at once: nothing moves again.
        const repeat = () =>
          fetch(`${server.url}/demo/bank/transfers`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ reference, amount: 35000, notificationId: `e2e-${reference}` }),
          }).then((r) => r.json());
        const outcomes = (await Promise.all([repeat(), repeat()])).map((a) => a.body.outcome);
        assert.deepEqual(outcomes.sort(), ['duplicate', 'ignored']);
        const after = await paidOnce(code);
        assert.equal(after.paid.length, 1, 'one paid payment');
        assert.equal(after.confirmations.length, 1, 'one confirm_payment event');
        assert.equal(after.dossier.status, 'in_progress');
        await officerOpens(j, code);
        await j.page.getByRole('cell', { name: 'Đã thanh toán' }).waitFor();
        await j.step('officer-sees-paid');
        return `${code}: paid ${paid[0].receiptNumber}; duplicates → ${outcomes.join(', ')}`;
      },
    },
    {
      name: 'payment by the demo gateway: declined, paid again, confirmed by its callback',
      journey: { name: 'payment-gateway', context: desktop, way: 'mouse' },
      run: async (j) => {
        const code = 'HS-DEMO-000003';
        await officerAsksForFee(j, code);
        let payment = await citizenOpensPayment(j, code);
        await j.person.press(
          payment.getByRole('button', { name: 'Thanh toán qua cổng thanh toán' }),
        );
        await j.page.waitForURL(/\/demo\/gateway\//);
        await j.step('gateway-page', { axe: true });
        await j.person.press(j.page.getByRole('button', { name: /Từ chối/ }));
        await j.page.waitForURL(/\/pay\.html\?.*payment=declined/);
        payment = j.page.locator('egov-payment');
        await payment
          .getByText(/không thành công/)
          .first()
          .waitFor();
        await j.step('gateway-declined', { axe: true });
        await j.person.press(payment.getByRole('button', { name: 'Thanh toán lại' }));
        await j.person.press(
          payment.getByRole('button', { name: 'Thanh toán qua cổng thanh toán' }),
        );
        await j.page.waitForURL(/\/demo\/gateway\//);
        await j.person.press(j.page.getByRole('button', { name: /Xác nhận thanh toán/ }));
        await j.page.waitForURL(/\/pay\.html\?.*payment=done/);
        await j.page.locator('egov-payment').getByText('Đã thanh toán').first().waitFor();
        await j.step('gateway-paid');
        const after = await paidOnce(code);
        assert.equal(after.paid.length, 1);
        assert.equal(after.confirmations.length, 1);
        assert.deepEqual(
          after.payments.map((p) => p.status),
          ['paid', 'failed'],
          'the retry paid, the first attempt declined',
        );
        return `${code}: declined, then paid ${after.paid[0].receiptNumber}`;
      },
    },
  ];
}
