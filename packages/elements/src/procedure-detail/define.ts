import { type ApplyDetail, EgovProcedureDetail } from './procedure-detail.js';

export {
  type ApplyDetail,
  EgovProcedureDetail,
  type ProcedureDetailClient,
} from './procedure-detail.js';

if (!customElements.get('egov-procedure-detail')) {
  customElements.define('egov-procedure-detail', EgovProcedureDetail);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-procedure-detail': EgovProcedureDetail;
  }
  interface GlobalEventHandlersEventMap {
    'egov-apply': CustomEvent<ApplyDetail>;
  }
}
