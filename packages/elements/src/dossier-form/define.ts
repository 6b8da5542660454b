// Every form has text fields and an error summary; the other field elements are fetched when a
// definition has such a field (field-renderers.ts).
import '../error-summary/define.js';
import '../text-field/define.js';
import {
  type DossierSubmitDetail,
  type DossierSubmittedDetail,
  EgovDossierForm,
} from './dossier-form.js';

export {
  type DossierSubmitDetail,
  type DossierSubmittedDetail,
  EgovDossierForm,
  type ServerFieldError,
} from './dossier-form.js';
export type { DossierFormClient } from './server-draft.js';

EgovDossierForm.define('egov-dossier-form');

declare global {
  interface HTMLElementTagNameMap {
    'egov-dossier-form': EgovDossierForm;
  }
  interface GlobalEventHandlersEventMap {
    'egov-submit': CustomEvent<DossierSubmitDetail>;
    'egov-submitted': CustomEvent<DossierSubmittedDetail>;
  }
}
