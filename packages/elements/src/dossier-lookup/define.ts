import '../dossier-tracker/define.js';
import { type DossierFoundDetail, EgovDossierLookup } from './dossier-lookup.js';

export { type DossierFoundDetail, EgovDossierLookup, type LookupClient } from './dossier-lookup.js';

EgovDossierLookup.define('egov-dossier-lookup');

declare global {
  interface HTMLElementTagNameMap {
    'egov-dossier-lookup': EgovDossierLookup;
  }
  interface GlobalEventHandlersEventMap {
    'egov-dossier-found': CustomEvent<DossierFoundDetail>;
  }
}
