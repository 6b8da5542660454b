import { EgovSignatureReport } from './signature-report.js';

export type { SignatureReportResult, Verdict } from './report-model.js';
export { EgovSignatureReport } from './signature-report.js';

EgovSignatureReport.define('egov-signature-report');

declare global {
  interface HTMLElementTagNameMap {
    'egov-signature-report': EgovSignatureReport;
  }
}
