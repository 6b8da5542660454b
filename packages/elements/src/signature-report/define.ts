import { EgovSignatureReport } from './signature-report.js';

export type { SignatureReportResult, Verdict } from './report-model.js';
export { EgovSignatureReport } from './signature-report.js';

if (!customElements.get('egov-signature-report')) {
  customElements.define('egov-signature-report', EgovSignatureReport);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-signature-report': EgovSignatureReport;
  }
}
