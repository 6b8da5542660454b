/**
 * The VietQR transfer view and the QR encoder, in a chunk of their own: the payment element
 * loads them only when a VietQR payment is shown, so that its first load stays small.
 */
import type { Payment } from '@egov-kit/schema';
import { html, nothing, svg } from 'lit';
import { encode } from 'uqr';
import type { Message } from '../base/localization.js';
import { paymentMessages } from './payment.messages.js';
import { transferMessages as m } from './transfer.messages.js';

/** The code's modules as one SVG path (a square per dark module) and its size in modules. */
export function qrPath(text: string): { path: string; size: number } {
  // Level M: survives a glare on a screen; the border is the four-module quiet zone.
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { path, size };
}

let last: { text: string; shape: { path: string; size: number } } | undefined;

/** What the view needs of the element. */
export interface TransferHost {
  localize(text: Message): string;
  vnd(amount: number): string;
  copy(value: string, label: string): void;
}

/**
 * The QR code (an image whose label says what it holds) and the same details as text, each to
 * copy: bank, account, holder, amount, reference, and the payload itself.
 */
export function renderTransfer(host: TransferHost, payment: Payment) {
  const transfer = payment.vietqr;
  if (!transfer) return nothing;
  if (last?.text !== transfer.payload) {
    last = { text: transfer.payload, shape: qrPath(transfer.payload) };
  }
  const { path, size } = last.shape;
  const amount = host.vnd(transfer.amount);
  const label = host.localize(m.qrLabel(amount, transfer.accountNumber, transfer.purpose));
  // What is shown, and what a copy puts on the clipboard (the amount as digits only).
  const rows: [Message, string, string | null][] = [
    [m.bank, transfer.bankName ?? transfer.bankBin, null],
    [m.accountNumber, transfer.accountNumber, transfer.accountNumber],
    [m.accountName, transfer.accountName, null],
    [paymentMessages.amount, amount, String(transfer.amount)],
    [m.transferContent, transfer.purpose, transfer.purpose],
  ];
  const copyButton = (value: string, term: Message) => {
    const what = host.localize(term);
    return html`<button type="button" class="copy" @click=${() => host.copy(value, what)}>
      ${host.localize(m.copy(what.toLowerCase()))}
    </button>`;
  };
  return html`<h3>${host.localize(m.qrTitle)}</h3>
    <figure part="qr">
      <svg role="img" aria-label=${label} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">
        ${svg`<rect width=${size} height=${size} fill="#fff" class="light"></rect><path d=${path} fill="currentColor"></path>`}
      </svg>
    </figure>
    <p>${host.localize(m.orTypeIt)}</p>
    <dl part="details">
      ${rows.map(
        ([term, shown, copied]) => html`<div class="row">
          <dt>${host.localize(term)}</dt>
          <dd>
            <span class="value">${shown}</span>
            ${copied === null ? nothing : copyButton(copied, term)}
          </dd>
        </div>`,
      )}
    </dl>
    <details>
      <summary>${host.localize(m.payload)}</summary>
      <p class="payload">${transfer.payload}</p>
      ${copyButton(transfer.payload, m.payload)}
    </details>`;
}
