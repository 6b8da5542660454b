/**
 * Paying a dossier's fees: `<egov-payment>` for `?id=`, which the tracker's "pay" action opens.
 * The gateway sends the citizen back here (`?payment=done|declined`); the element reads the
 * payment's state from the server either way, never from the address.
 *
 * With the demo on, a panel marked DEMO plays the agency's bank: "the demo bank confirms"
 * signs the credit notification the bank would send for the VietQR transfer shown.
 */
import { clientFor, describeError } from './api.js';
import { h, param, replace } from './dom.js';
import { t } from './i18n.js';
import { requireSignIn, setupPage } from './layout.js';

const strings = {
  title: { vi: 'Nộp phí, lệ phí', en: 'Pay the fees' },
  back: { vi: '← Theo dõi hồ sơ', en: '← Follow the dossier' },
  noId: {
    vi: 'Địa chỉ trang thiếu mã hồ sơ. Mở hồ sơ trong "Hồ sơ của tôi".',
    en: 'The page address has no dossier id. Open the dossier from "My dossiers".',
  },
  demoTitle: { vi: 'Ngân hàng DEMO', en: 'DEMO bank' },
  demoText: {
    vi: 'Bản demo không có ngân hàng thật. Nút dưới đây đóng vai ngân hàng của cơ quan: gửi thông báo đã nhận tiền (có chữ ký) cho máy chủ, như khi bạn chuyển khoản theo mã VietQR.',
    en: "The demo has no real bank. The button plays the agency's bank: it sends the server a signed notice that the money arrived, as if you had transferred with the VietQR code.",
  },
  demoConfirm: {
    vi: 'Ngân hàng DEMO xác nhận đã nhận tiền',
    en: 'The DEMO bank confirms the transfer',
  },
  demoNothing: {
    vi: 'Chọn "Chuyển khoản bằng mã VietQR" trước.',
    en: 'Choose "Bank transfer with VietQR" first.',
  },
  demoSent: (outcome) => ({
    vi: `Ngân hàng DEMO đã gửi thông báo (${outcome}).`,
    en: `The DEMO bank sent its notice (${outcome}).`,
  }),
};

const id = param('id');
const content = document.getElementById('content');
const client = clientFor('citizen');
const payment = h('egov-payment', {
  'dossier-id': id ?? '',
  'return-path': `/pay.html?id=${encodeURIComponent(id ?? '')}`,
});
const demoStatus = h('p', { role: 'status' });
let demoBank = false;

function render() {
  document.getElementById('back').href = id ? `/my.html?id=${encodeURIComponent(id)}` : '/my.html';
  if (!id) {
    replace(content, h('p', { class: 'error' }, t(strings.noId)));
    return;
  }
  replace(
    content,
    h('div', { class: 'element-panel' }, payment),
    demoBank
      ? h(
          'section',
          { class: 'panel demo-panel', 'aria-labelledby': 'demo-bank-title' },
          h('h2', { id: 'demo-bank-title' }, t(strings.demoTitle)),
          h('p', {}, t(strings.demoText)),
          h(
            'button',
            { type: 'button', class: 'button', onclick: confirmTransfer },
            t(strings.demoConfirm),
          ),
          demoStatus,
        )
      : null,
  );
}

/** Plays the bank: the transfer of the amount in the code, with its reference. */
async function confirmTransfer() {
  const current = payment.payment;
  if (!current?.vietqr || current.status !== 'pending') {
    demoStatus.textContent = t(strings.demoNothing);
    return;
  }
  try {
    const response = await fetch('/demo/bank/transfers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: current.vietqr.purpose, amount: current.vietqr.amount }),
    });
    const answer = await response.json();
    demoStatus.textContent = t(strings.demoSent(answer.body?.outcome ?? response.status));
    await payment.checkNow(); // at once rather than at the next poll
  } catch (error) {
    demoStatus.textContent = describeError(error);
  }
}

setupPage({ title: strings.title, strings, current: '/my.html', role: 'citizen', render });
await requireSignIn('citizen', content);
payment.client = client;
client.payments
  .methods()
  .then(({ items }) => {
    demoBank = items.some((method) => method.provider === 'vietqr' && method.demo);
    render();
  })
  .catch(() => render());
render();
