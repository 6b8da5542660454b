export {
  ACTIONS,
  type ActionRule,
  type ActionTarget,
  type ActorRole,
  type ClockEffect,
  DOSSIER_ACTIONS,
  type DossierAction,
  type NoticeKind,
  type StampedField,
} from './actions.js';
export { DossierStatus } from './status-schema.js';
export {
  DOSSIER_STATUSES,
  isTerminal,
  NATIONAL_STATUS_CODES,
  nationalStatusCode,
  STATUS_LABELS,
  TERMINAL_STATUSES,
} from './statuses.js';
export {
  type ActionRequest,
  availableActions,
  type DossierState,
  isDossierAction,
  type Transition,
  type TransitionError,
  type TransitionErrorCode,
  type TransitionResult,
  transition,
} from './transition.js';
