import { EgovProcedureSearch, type ProcedureSelectDetail } from './procedure-search.js';

export type { ProcedureFilter, SearchableProcedure } from './procedure-index.js';
export {
  EgovProcedureSearch,
  type ProcedureSearchClient,
  type ProcedureSelectDetail,
} from './procedure-search.js';

if (!customElements.get('egov-procedure-search')) {
  customElements.define('egov-procedure-search', EgovProcedureSearch);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-procedure-search': EgovProcedureSearch;
  }
  interface GlobalEventHandlersEventMap {
    'egov-procedure-select': CustomEvent<ProcedureSelectDetail>;
  }
}
