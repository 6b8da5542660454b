import { EgovErrorSummary } from './error-summary.js';

export { EgovErrorSummary, type ErrorSummaryItem } from './error-summary.js';

EgovErrorSummary.define('egov-error-summary');

declare global {
  interface HTMLElementTagNameMap {
    'egov-error-summary': EgovErrorSummary;
  }
}
