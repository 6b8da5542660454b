import type { LocalizedText } from '../i18n/localized-text.js';
import { ACTIONS, type ActionRule, type ActorRole, type DossierAction } from './actions.js';
import { type DossierStatus, isTerminal, STATUS_LABELS } from './statuses.js';

/** What the machine needs to know about a dossier. */
export interface DossierState {
  readonly status: DossierStatus;
  /** Set once the agency received the dossier; decides where a supplement leads back to. */
  readonly receivedAt?: string | Date | null | undefined;
}

/** An action someone asks to take. */
export interface ActionRequest {
  readonly action: string;
  readonly actor: ActorRole;
  /** The reason or request the applicant reads; some actions need one. */
  readonly note?: string | undefined;
}

/** Why an action was refused. */
export type TransitionErrorCode =
  | 'unknown_action'
  | 'terminal'
  | 'wrong_status'
  | 'wrong_actor'
  | 'note_required';

/** A refused action: a code for programs, a message for people. */
export interface TransitionError {
  readonly code: TransitionErrorCode;
  readonly message: LocalizedText;
}

/** An allowed action: the status it leads to and what it records. */
export interface Transition {
  readonly action: DossierAction;
  readonly from: DossierStatus;
  readonly to: DossierStatus;
  readonly rule: ActionRule;
}

/** The answer of {@link transition}. */
export type TransitionResult =
  | { readonly ok: true; readonly value: Transition }
  | { readonly ok: false; readonly error: TransitionError };

/** Whether `name` is an action of the machine. */
export function isDossierAction(name: string): name is DossierAction {
  return Object.hasOwn(ACTIONS, name);
}

/**
 * Takes `request` on a dossier in `state`: the next status and what the action records, or
 * why it is refused. Terminal statuses admit nothing. Pure: the caller applies the result.
 */
export function transition(state: DossierState, request: ActionRequest): TransitionResult {
  const { action, actor } = request;
  if (!isDossierAction(action)) {
    return refuse('unknown_action', {
      vi: `Không có thao tác "${action}".`,
      en: `There is no action "${action}".`,
    });
  }
  const rule: ActionRule = ACTIONS[action];
  const from = state.status;
  if (isTerminal(from)) {
    return refuse('terminal', {
      vi: `Hồ sơ ở trạng thái "${STATUS_LABELS[from].vi}" đã kết thúc, không thể "${rule.label.vi}".`,
      en: `The dossier is "${STATUS_LABELS[from].en}", which is final: it cannot be "${rule.label.en}".`,
    });
  }
  if (!rule.from.includes(from)) {
    return refuse('wrong_status', {
      vi: `Không thể "${rule.label.vi}" khi hồ sơ ở trạng thái "${STATUS_LABELS[from].vi}".`,
      en: `"${rule.label.en}" is not possible while the dossier is "${STATUS_LABELS[from].en}".`,
    });
  }
  if (!rule.actors.includes(actor)) {
    return refuse('wrong_actor', {
      vi: `Thao tác "${rule.label.vi}" không dành cho vai trò này.`,
      en: `"${rule.label.en}" is not an action for this role.`,
    });
  }
  if (rule.requiresNote && !request.note?.trim()) {
    return refuse('note_required', {
      vi: `"${rule.label.vi}" cần ghi rõ lý do hoặc nội dung gửi người nộp.`,
      en: `"${rule.label.en}" needs a note for the applicant.`,
    });
  }
  return { ok: true, value: { action, from, to: targetOf(rule, state), rule } };
}

/** The actions `actor` may take on a dossier in `state` (the tracker's "what can happen next"). */
export function availableActions(state: DossierState, actor?: ActorRole): DossierAction[] {
  if (isTerminal(state.status)) return [];
  return (Object.keys(ACTIONS) as DossierAction[]).filter((action) => {
    const rule: ActionRule = ACTIONS[action];
    return rule.from.includes(state.status) && (actor === undefined || rule.actors.includes(actor));
  });
}

function targetOf(rule: ActionRule, state: DossierState): DossierStatus {
  if (rule.to === 'same') return state.status;
  if (typeof rule.to === 'string') return rule.to;
  return state.receivedAt ? rule.to.ifReceived : rule.to.otherwise;
}

function refuse(code: TransitionErrorCode, message: LocalizedText): TransitionResult {
  return { ok: false, error: { code, message } };
}
