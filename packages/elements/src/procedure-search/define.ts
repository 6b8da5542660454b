import { EgovProcedureSearch, type ProcedureSelectDetail } from './procedure-search.js';

export type { ProcedureFilter, SearchableProcedure } from './procedure-index.js';
export {
  EgovProcedureSearch,
  type ProcedureSearchClient,
  type ProcedureSelectDetail,
} from './procedure-search.js';

EgovProcedureSearch.define('egov-procedure-search');

declare global {
  interface HTMLElementTagNameMap {
    'egov-procedure-search': EgovProcedureSearch;
  }
  interface GlobalEventHandlersEventMap {
    'egov-procedure-select': CustomEvent<ProcedureSelectDetail>;
  }
}
