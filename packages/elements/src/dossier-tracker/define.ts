import { EgovDossierTracker, type TrackerActionDetail } from './dossier-tracker.js';

export {
  EgovDossierTracker,
  type TrackedDossier,
  type TrackedEvent,
  type TrackerActionDetail,
  type TrackerActionKind,
  type TrackerClient,
} from './dossier-tracker.js';

if (!customElements.get('egov-dossier-tracker')) {
  customElements.define('egov-dossier-tracker', EgovDossierTracker);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-dossier-tracker': EgovDossierTracker;
  }
  interface GlobalEventHandlersEventMap {
    'egov-tracker-action': CustomEvent<TrackerActionDetail>;
  }
}
