/**
 * The statuses of a dossier, in lifecycle order. `draft` lives only with the applicant; every
 * other status has a national code (see {@link NATIONAL_STATUS_CODES}). Plain data, so that the
 * machine costs a browser no zod; the zod schema is `DossierStatus` in `status-schema.ts`.
 */
export const DOSSIER_STATUSES = [
  'draft',
  'submitted',
  'received',
  'in_progress',
  'awaiting_supplement',
  'awaiting_payment',
  'stopped',
  'resolved',
  'returned',
  'rejected',
  'withdrawn',
] as const;

/** A status of a dossier. */
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Statuses a dossier never leaves. */
export const TERMINAL_STATUSES: ReadonlySet<DossierStatus> = new Set([
  'returned',
  'rejected',
  'withdrawn',
]);

/** Whether a dossier in `status` can change no more. */
export function isTerminal(status: DossierStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/**
 * The status codes 1–10 of the national one-stop systems (the codes the National Public Service
 * Portal exchanges with ministries' and provinces' dossier systems). A draft has none.
 */
export const NATIONAL_STATUS_CODES = {
  draft: null,
  submitted: 1,
  received: 2,
  rejected: 3,
  in_progress: 4,
  awaiting_supplement: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  stopped: 8,
  resolved: 9,
  returned: 10,
} as const satisfies Record<DossierStatus, number | null>;

/** The national status code of a status, or `null` for a draft. */
export function nationalStatusCode(status: DossierStatus): number | null {
  return NATIONAL_STATUS_CODES[status];
}

/** A status's name for people. */
export const STATUS_LABELS = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã nộp, chờ tiếp nhận', en: 'Submitted, awaiting receipt' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_progress: { vi: 'Đang giải quyết', en: 'Being processed' },
  awaiting_supplement: { vi: 'Chờ bổ sung hồ sơ', en: 'Awaiting documents from you' },
  awaiting_payment: { vi: 'Chờ nộp phí, lệ phí', en: 'Awaiting payment' },
  stopped: { vi: 'Tạm dừng giải quyết', en: 'Processing suspended' },
  resolved: { vi: 'Đã có kết quả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result delivered' },
  rejected: { vi: 'Từ chối tiếp nhận', en: 'Not accepted' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
} as const satisfies Record<DossierStatus, { vi: string; en: string }>;
