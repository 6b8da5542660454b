import type { DossierStatus } from './statuses.js';

/** Who takes an action: the applicant, an official of the agency, or the system itself. */
export type ActorRole = 'citizen' | 'officer' | 'system';

/** A notice (thông báo / phiếu) an action issues to the applicant. */
export type NoticeKind =
  | 'receipt'
  | 'supplement_request'
  | 'refusal'
  | 'payment_request'
  | 'stop'
  | 'apology'
  | 'result';

/** What an action does to the processing clock. Time awaiting the citizen does not count. */
export type ClockEffect = 'start' | 'pause' | 'resume' | 'finish';

/** The timestamp an action sets on the dossier. */
export type StampedField = 'submittedAt' | 'receivedAt' | 'completedAt' | 'returnedAt';

/**
 * Where an action leads: one status; `same` for an action that records an event without moving
 * the dossier (an apology); or — for an action that ends a pause — back to where the dossier
 * was: `in_progress` once the agency has received it, `submitted` before that.
 */
export type ActionTarget =
  | DossierStatus
  | 'same'
  | { readonly ifReceived: DossierStatus; readonly otherwise: DossierStatus };

/** One action of the machine, as data. */
export interface ActionRule {
  readonly actors: readonly ActorRole[];
  readonly from: readonly DossierStatus[];
  readonly to: ActionTarget;
  readonly notice?: NoticeKind;
  readonly clock?: ClockEffect;
  readonly stamps?: StampedField;
  /** The action sets a new due date: on receipt from the processing time, on apology the new one. */
  readonly setsDueAt?: boolean;
  /** The action needs a note for the applicant (a reason, the list of missing documents). */
  readonly requiresNote?: boolean;
  readonly label: { readonly vi: string; readonly en: string };
}

/**
 * The dossier status machine (DESIGN.md, "Dossier status machine"). The server enforces it, the
 * client types it, the tracker explains from it what happens next.
 *
 * Sources for the one-stop steps: Decree 61/2018/NĐ-CP as amended by Decree 107/2021/NĐ-CP
 * (receipt, supplement requests, refusal, apology letters for late results) and Decree
 * 45/2020/NĐ-CP (online dossiers).
 */
export const ACTIONS = {
  submit: {
    actors: ['citizen'],
    from: ['draft'],
    to: 'submitted',
    stamps: 'submittedAt',
    label: { vi: 'Nộp hồ sơ', en: 'Submit' },
  },
  receive: {
    actors: ['officer'],
    from: ['submitted'],
    to: 'received',
    notice: 'receipt',
    clock: 'start',
    stamps: 'receivedAt',
    setsDueAt: true,
    label: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
  },
  reject: {
    actors: ['officer'],
    from: ['submitted', 'awaiting_supplement'],
    to: 'rejected',
    notice: 'refusal',
    requiresNote: true,
    label: { vi: 'Từ chối tiếp nhận', en: 'Refuse' },
  },
  start_processing: {
    actors: ['officer', 'system'],
    from: ['received'],
    to: 'in_progress',
    label: { vi: 'Chuyển xử lý', en: 'Start processing' },
  },
  transfer: {
    actors: ['officer'],
    from: ['in_progress'],
    to: 'in_progress',
    label: { vi: 'Chuyển bước / chuyển cơ quan', en: 'Transfer' },
  },
  request_supplement: {
    actors: ['officer'],
    from: ['submitted', 'in_progress'],
    to: 'awaiting_supplement',
    notice: 'supplement_request',
    clock: 'pause',
    requiresNote: true,
    label: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request documents' },
  },
  supplement: {
    actors: ['citizen'],
    from: ['awaiting_supplement'],
    to: { ifReceived: 'in_progress', otherwise: 'submitted' },
    clock: 'resume',
    label: { vi: 'Bổ sung hồ sơ', en: 'Supply documents' },
  },
  request_payment: {
    actors: ['officer'],
    from: ['submitted', 'in_progress'],
    to: 'awaiting_payment',
    notice: 'payment_request',
    clock: 'pause',
    label: { vi: 'Yêu cầu nộp phí, lệ phí', en: 'Request payment' },
  },
  confirm_payment: {
    actors: ['system', 'officer'],
    from: ['awaiting_payment'],
    to: 'in_progress',
    clock: 'resume',
    label: { vi: 'Xác nhận đã thanh toán', en: 'Confirm payment' },
  },
  stop: {
    actors: ['officer'],
    from: ['in_progress'],
    to: 'stopped',
    notice: 'stop',
    clock: 'pause',
    requiresNote: true,
    label: { vi: 'Tạm dừng giải quyết', en: 'Suspend' },
  },
  resume: {
    actors: ['officer'],
    from: ['stopped'],
    to: 'in_progress',
    clock: 'resume',
    label: { vi: 'Tiếp tục giải quyết', en: 'Resume' },
  },
  resolve: {
    actors: ['officer'],
    from: ['in_progress', 'awaiting_payment', 'stopped'],
    to: 'resolved',
    notice: 'result',
    clock: 'finish',
    stamps: 'completedAt',
    label: { vi: 'Có kết quả giải quyết', en: 'Resolve' },
  },
  return_result: {
    actors: ['officer'],
    from: ['resolved'],
    to: 'returned',
    stamps: 'returnedAt',
    label: { vi: 'Trả kết quả', en: 'Deliver the result' },
  },
  withdraw: {
    actors: ['citizen'],
    from: ['submitted', 'in_progress', 'awaiting_supplement'],
    to: 'withdrawn',
    clock: 'finish',
    label: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  },
  apologise: {
    actors: ['officer'],
    from: ['received', 'in_progress', 'awaiting_supplement', 'awaiting_payment', 'stopped'],
    to: 'same',
    notice: 'apology',
    setsDueAt: true,
    requiresNote: true,
    label: { vi: 'Xin lỗi, hẹn lại ngày trả kết quả', en: 'Apologise and set a new date' },
  },
} as const satisfies Record<string, ActionRule>;

/** The name of an action of the machine. */
export type DossierAction = keyof typeof ACTIONS;

/** Every action name. */
export const DOSSIER_ACTIONS = Object.keys(ACTIONS) as DossierAction[];
