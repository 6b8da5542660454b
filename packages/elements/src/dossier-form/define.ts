// The form renders every field element: register them with it.
import '../address-field/define.js';
import '../checkbox/define.js';
import '../checkbox-group/define.js';
import '../citizen-id-field/define.js';
import '../date-field/define.js';
import '../error-summary/define.js';
import '../file-upload/define.js';
import '../phone-field/define.js';
import '../radio-group/define.js';
import '../select/define.js';
import '../text-field/define.js';
import '../textarea/define.js';
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
