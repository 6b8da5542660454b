/**
 * Fees at the officer's desk: the "request payment" dialog — fee lines prefilled from the
 * procedure's fee table for the dossier's case and channel (amount in VND, what it is for, the
 * legal basis), editable, with the time to pay by — and the dossier's payments with their
 * status and receipt. Used by officer-dossier.js, which owns the dialog and field helpers.
 */
import { h, replace } from './dom.js';
import { formatDate, locale, t } from './i18n.js';

const strings = {
  intro: {
    vi: 'Các khoản lấy từ biểu phí của thủ tục; sửa nếu cần. Thời gian chờ nộp phí không tính vào thời hạn giải quyết.',
    en: "Lines from the procedure's fee table; change them if needed. The time waiting for payment does not count toward the processing time.",
  },
  lines: { vi: 'Các khoản phí, lệ phí', en: 'Fees and charges' },
  kind: { vi: 'Loại', en: 'Kind' },
  fee: { vi: 'Phí', en: 'Fee' },
  charge: { vi: 'Lệ phí', en: 'Charge' },
  purpose: { vi: 'Nội dung thu', en: 'What it is for' },
  legalBasis: { vi: 'Căn cứ thu', en: 'Legal basis' },
  amount: { vi: 'Số tiền (đồng)', en: 'Amount (VND)' },
  line: (n) => ({ vi: `Khoản ${n}`, en: `Line ${n}` }),
  remove: (n) => ({ vi: `Bỏ khoản ${n}`, en: `Remove line ${n}` }),
  add: { vi: 'Thêm khoản', en: 'Add a line' },
  dueAt: { vi: 'Hạn nộp', en: 'Pay by' },
  dueHint: { vi: 'Mặc định 72 giờ kể từ bây giờ.', en: '72 hours from now by default.' },
  note: {
    vi: 'Lời nhắn cho người nộp (không bắt buộc)',
    en: 'A note for the applicant (optional)',
  },
  total: (amount) => ({ vi: `Tổng cộng: ${amount}`, en: `Total: ${amount}` }),
  needLine: { vi: 'Thêm ít nhất một khoản.', en: 'Add at least one line.' },
  needPurpose: { vi: 'Ghi nội dung thu.', en: 'Say what it is for.' },
  badAmount: {
    vi: 'Nhập số tiền là số nguyên dương (đồng).',
    en: 'Enter a positive whole number of đồng.',
  },
  badDue: {
    vi: 'Hạn nộp phải sau thời điểm hiện tại.',
    en: 'The time to pay by must be later than now.',
  },
  free: {
    vi: 'Biểu phí của thủ tục không có khoản thu cho trường hợp này; nhập các khoản nếu có.',
    en: "The procedure's fee table has nothing for this case; enter the lines if any.",
  },
  payments: { vi: 'Phí, lệ phí', en: 'Fees' },
  noPayments: { vi: 'Chưa có khoản thanh toán nào.', en: 'No payments yet.' },
  awaiting: (amount, when) => ({
    vi: `Đang chờ người nộp thanh toán ${amount}, hạn ${when}.`,
    en: `Waiting for the applicant to pay ${amount}, by ${when}.`,
  }),
  caption: { vi: 'Các lần thanh toán, mới nhất trước', en: 'Payment attempts, newest first' },
  provider: { vi: 'Cách nộp', en: 'Method' },
  status: { vi: 'Trạng thái', en: 'Status' },
  receipt: { vi: 'Biên lai', en: 'Receipt' },
  download: (number) => ({ vi: `Tải biên lai ${number}`, en: `Download receipt ${number}` }),
};

const PROVIDERS = {
  vietqr: { vi: 'Chuyển khoản VietQR', en: 'VietQR transfer' },
  national_payment_platform: {
    vi: 'Nền tảng thanh toán quốc gia',
    en: 'National payment platform',
  },
  cash: { vi: 'Tại Bộ phận Một cửa', en: 'At the desk' },
  demo_gateway: { vi: 'Cổng thanh toán DEMO', en: 'DEMO gateway' },
};
const STATUSES = {
  pending: { vi: 'Đang chờ', en: 'Pending' },
  paid: { vi: 'Đã thanh toán', en: 'Paid' },
  failed: { vi: 'Không thành công', en: 'Failed' },
  cancelled: { vi: 'Đã thay bằng lần khác', en: 'Replaced' },
  expired: { vi: 'Hết hạn', en: 'Expired' },
  refunded: { vi: 'Đã hoàn tiền', en: 'Refunded' },
};

const vnd = (amount) =>
  new Intl.NumberFormat(locale() === 'en' ? 'en-GB' : 'vi-VN', {
    style: 'currency',
    currency: 'VND',
  }).format(amount);

/**
 * The fee lines the procedure's fee table gives for the dossier's case and channel, with the
 * legal documents about fees (by their title) as the basis.
 */
export function prefilledFees(procedure, dossier) {
  const procedureCase =
    procedure.cases.find((c) => c.code === dossier.caseCode) ?? procedure.cases[0];
  const options = procedureCase?.channels ?? [];
  const option =
    options.find((o) => o.channel === dossier.channel && o.fees.length) ??
    options.find((o) => o.fees.length);
  const basis = (procedure.legalBasis ?? [])
    .filter((doc) => /phí|lệ phí/i.test(doc.title))
    .map((doc) => doc.number)
    .join('; ');
  return (option?.fees ?? []).map((fee) => ({
    kind: fee.kind,
    amount: fee.amount,
    purpose: fee.note
      ? `${fee.kind === 'charge' ? 'Lệ phí' : 'Phí'}: ${fee.note}`.slice(0, 500)
      : `${fee.kind === 'charge' ? 'Lệ phí' : 'Phí'} ${procedure.name}`.slice(0, 500),
    ...(basis ? { legalBasis: basis.slice(0, 500) } : {}),
  }));
}

/** The request-payment dialog through officer-dossier.js's `openDialog` and `field`. */
export function feeDialog({ procedure, dossier, openDialog, field }) {
  const rows = [];
  const list = h('div', { class: 'fee-lines' });
  const total = h('p', { class: 'fee-total', 'aria-live': 'polite' });
  const listError = h('p', { class: 'field-error', id: 'fee-lines-error', hidden: true });

  const refreshTotal = () => {
    const sum = rows.reduce((s, row) => s + (Number(row.amount.control.value) || 0), 0);
    total.textContent = t(strings.total(vnd(sum)));
  };
  const renumber = () => {
    rows.forEach((row, i) => {
      row.legend.textContent = t(strings.line(i + 1));
      row.removeButton.textContent = t(strings.remove(i + 1));
    });
    refreshTotal();
  };
  const addRow = (fee = { kind: 'charge', amount: '', purpose: '' }) => {
    const n = rows.length + rows.removed + 1;
    const kind = field({
      id: `fee-${n}-kind`,
      label: strings.kind,
      control: h(
        'select',
        {},
        h('option', { value: 'charge', selected: fee.kind === 'charge' }, t(strings.charge)),
        h('option', { value: 'fee', selected: fee.kind === 'fee' }, t(strings.fee)),
      ),
    });
    const purpose = field({
      id: `fee-${n}-purpose`,
      label: strings.purpose,
      control: h('input', {
        type: 'text',
        value: fee.purpose ?? '',
        maxlength: '500',
        required: true,
      }),
    });
    const legal = field({
      id: `fee-${n}-basis`,
      label: strings.legalBasis,
      control: h('input', { type: 'text', value: fee.legalBasis ?? '', maxlength: '500' }),
    });
    const amount = field({
      id: `fee-${n}-amount`,
      label: strings.amount,
      control: h('input', {
        type: 'text',
        inputmode: 'numeric',
        value: fee.amount === '' ? '' : String(fee.amount),
        required: true,
        oninput: refreshTotal,
      }),
    });
    const legend = h('legend', {});
    const removeButton = h('button', {
      type: 'button',
      class: 'secondary',
      onclick: () => {
        rows.splice(rows.indexOf(row), 1);
        rows.removed += 1;
        fieldset.remove();
        renumber();
        (rows[0]?.purpose.control ?? addButton).focus();
      },
    });
    const fieldset = h(
      'fieldset',
      { class: 'fee-line' },
      legend,
      kind.node,
      purpose.node,
      legal.node,
      amount.node,
      removeButton,
    );
    const row = { kind, purpose, legal, amount, legend, removeButton, fieldset };
    rows.push(row);
    list.append(fieldset);
    renumber();
    return row;
  };
  rows.removed = 0;
  const addButton = h(
    'button',
    { type: 'button', class: 'secondary', onclick: () => addRow().purpose.control.focus() },
    t(strings.add),
  );
  const prefilled = prefilledFees(procedure, dossier);
  for (const fee of prefilled) addRow(fee);
  if (!prefilled.length) addRow();

  const dueDefault = new Date(Date.now() + 72 * 3_600_000);
  const local = (date) =>
    new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const due = field({
    id: 'fee-due',
    label: strings.dueAt,
    hint: strings.dueHint,
    control: h('input', { type: 'datetime-local', value: local(dueDefault), required: true }),
  });
  const note = field({
    id: 'action-note',
    label: strings.note,
    control: h('textarea', { rows: '3' }),
  });

  openDialog({
    action: 'request_payment',
    intro: prefilled.length ? strings.intro : strings.free,
    fields: [
      h(
        'fieldset',
        { class: 'field', 'aria-describedby': 'fee-lines-error' },
        h('legend', {}, t(strings.lines)),
        listError,
        list,
        addButton,
        total,
      ),
      due.node,
      note.node,
    ],
    validate: () => {
      let first = null;
      listError.hidden = rows.length > 0;
      listError.textContent = rows.length ? '' : t(strings.needLine);
      if (!rows.length) first = addButton;
      for (const row of rows) {
        const okPurpose = row.purpose.check(
          row.purpose.control.value.trim() ? null : strings.needPurpose,
        );
        const value = row.amount.control.value.replace(/[.\s,]/g, '');
        const okAmount = row.amount.check(/^[1-9]\d{0,12}$/.test(value) ? null : strings.badAmount);
        if (!okPurpose) first ??= row.purpose.control;
        if (!okAmount) first ??= row.amount.control;
      }
      const when = new Date(due.control.value);
      const okDue = due.check(when.getTime() > Date.now() ? null : strings.badDue);
      if (!okDue) first ??= due.control;
      first?.focus();
      return !first;
    },
    request: () => ({
      action: 'request_payment',
      fees: rows.map((row) => ({
        kind: row.kind.control.value,
        amount: Number(row.amount.control.value.replace(/[.\s,]/g, '')),
        purpose: row.purpose.control.value.trim(),
        ...(row.legal.control.value.trim() ? { legalBasis: row.legal.control.value.trim() } : {}),
      })),
      paymentDueAt: new Date(due.control.value).toISOString(),
      ...(note.control.value.trim() ? { note: note.control.value.trim() } : {}),
    }),
  });
}

/** The dossier's payments: what is awaited, each attempt's status, the receipts to download. */
export function paymentsSection({ dossier, payments, client }) {
  if (!payments?.length && dossier.status !== 'awaiting_payment') return null;
  const awaited = dossier.pendingFees?.reduce((sum, fee) => sum + fee.amount, 0);
  const status = h('p', { role: 'status' });
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'payments-title' },
    h('h2', { id: 'payments-title' }, t(strings.payments)),
    dossier.status === 'awaiting_payment' && awaited
      ? h(
          'p',
          {},
          t(strings.awaiting(vnd(awaited), formatDate(dossier.paymentDueAt, { time: true }))),
        )
      : null,
    payments?.length
      ? h(
          'table',
          { class: 'data' },
          h('caption', {}, t(strings.caption)),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [strings.provider, strings.amount, strings.status, strings.receipt].map((label) =>
                h('th', { scope: 'col' }, t(label)),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            payments.map((payment) =>
              h(
                'tr',
                {},
                h(
                  'td',
                  {},
                  t(PROVIDERS[payment.provider] ?? { vi: payment.provider, en: payment.provider }),
                ),
                h('td', {}, vnd(payment.total)),
                h(
                  'td',
                  {},
                  t(STATUSES[payment.status] ?? { vi: payment.status, en: payment.status }),
                ),
                h(
                  'td',
                  {},
                  payment.receiptNumber
                    ? h(
                        'button',
                        {
                          type: 'button',
                          class: 'link-button',
                          onclick: async () => {
                            const file = await client.payments.receipt(dossier.id, payment.id);
                            const url = URL.createObjectURL(file);
                            const save = h('a', { href: url, download: file.name, hidden: true });
                            document.body.append(save);
                            save.click();
                            save.remove();
                            setTimeout(() => URL.revokeObjectURL(url), 60_000);
                            replace(status);
                          },
                        },
                        t(strings.download(payment.receiptNumber)),
                      )
                    : '',
                ),
              ),
            ),
          ),
        )
      : h('p', {}, t(strings.noPayments)),
    status,
  );
}
