import { EgovDossierTracker, type TrackerActionDetail } from './dossier-tracker.js';

export {
  EgovDossierTracker,
  type ProcedureSource,
  type TrackedDossier,
  type TrackedEvent,
  type TrackerActionDetail,
  type TrackerActionKind,
  type TrackerClient,
} from './dossier-tracker.js';

EgovDossierTracker.define('egov-dossier-tracker');

declare global {
  interface HTMLElementTagNameMap {
    'egov-dossier-tracker': EgovDossierTracker;
  }
  interface GlobalEventHandlersEventMap {
    'egov-tracker-action': CustomEvent<TrackerActionDetail>;
  }
}
