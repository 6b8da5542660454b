import { EgovErrorSummary } from './error-summary.js';

export { EgovErrorSummary, type ErrorSummaryItem } from './error-summary.js';

if (!customElements.get('egov-error-summary')) {
  customElements.define('egov-error-summary', EgovErrorSummary);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-error-summary': EgovErrorSummary;
  }
}
