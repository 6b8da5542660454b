import { type ApplyDetail, EgovProcedureDetail } from './procedure-detail.js';

export {
  type ApplyDetail,
  EgovProcedureDetail,
  type ProcedureDetailClient,
} from './procedure-detail.js';

EgovProcedureDetail.define('egov-procedure-detail');

declare global {
  interface HTMLElementTagNameMap {
    'egov-procedure-detail': EgovProcedureDetail;
  }
  interface GlobalEventHandlersEventMap {
    'egov-apply': CustomEvent<ApplyDetail>;
  }
}
