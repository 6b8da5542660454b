import { EgovReceipt } from './receipt.js';

export { EgovReceipt, type ReceiptDossier, type ReceiptProcedure } from './receipt.js';

EgovReceipt.define('egov-receipt');

declare global {
  interface HTMLElementTagNameMap {
    'egov-receipt': EgovReceipt;
  }
  interface GlobalEventHandlersEventMap {
    'egov-receipt-print': CustomEvent<undefined>;
  }
}
