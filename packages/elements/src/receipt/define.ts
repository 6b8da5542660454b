import { EgovReceipt } from './receipt.js';

export { EgovReceipt, type ReceiptDossier, type ReceiptProcedure } from './receipt.js';

if (!customElements.get('egov-receipt')) {
  customElements.define('egov-receipt', EgovReceipt);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-receipt': EgovReceipt;
  }
  interface GlobalEventHandlersEventMap {
    'egov-receipt-print': CustomEvent<undefined>;
  }
}
