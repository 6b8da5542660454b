import type { ActionRule, DossierStatus, Locale, LocalizedText } from '@egov-kit/schema';
import { ACTIONS, availableActions } from '@egov-kit/schema/rules';
import { html, nothing } from 'lit';
import {
  formatDate,
  NOTICE_LABELS,
  type TrackedDossier,
  type TrackedEvent,
} from '../internal/tracking.js';

/**
 * What the tracker shows below the fold — the history's words, the notices, what can happen
 * next (read from the status machine's table), the load errors and the status explanations —
 * loaded with `import()` after the first render, beside the working-day calendar: the status,
 * the code and the due date show at once; these follow a moment later. The tracker's
 * `updateComplete` waits for them.
 */
export { loadErrorMessage, STATUS_EXPLAINED } from '../internal/tracking.js';

/** The words of the next steps and the history. */
export const words = {
  next: { vi: 'Bước tiếp theo', en: 'What happens next' },
  nextAgency: {
    vi: 'Sau đó, hồ sơ có thể chuyển sang:',
    en: 'After this, the application can move to:',
  },
  nextNone: {
    vi: 'Hồ sơ đã kết thúc, không còn bước nào tiếp theo.',
    en: 'The application is closed; nothing more will happen.',
  },
  history: { vi: 'Quá trình xử lý', en: 'History' },
  showAll: (count: number): LocalizedText => ({
    vi: `Hiện tất cả ${count} bước`,
    en: `Show all ${count} steps`,
  }),
  you: { vi: 'Bạn', en: 'You' },
  officer: { vi: 'Cán bộ', en: 'Official' },
  system: { vi: 'Hệ thống', en: 'The system' },
  newDue: { vi: 'Hẹn trả kết quả:', en: 'Result due:' },
  notice: { vi: 'Đã gửi:', en: 'Issued:' },
  number: { vi: 'số', en: 'no.' },
} as const;

/** A citizen-facing name per event, in the past tense (the machine's labels are the officer's). */
export const EVENT_LABELS: Record<string, LocalizedText> = {
  create: { vi: 'Tạo hồ sơ', en: 'Application started' },
  update: { vi: 'Cập nhật hồ sơ', en: 'Application changed' },
  submit: { vi: 'Đã nộp hồ sơ', en: 'Application submitted' },
  receive: { vi: 'Đã tiếp nhận hồ sơ', en: 'Application received' },
  reject: { vi: 'Từ chối tiếp nhận hồ sơ', en: 'Application not accepted' },
  start_processing: { vi: 'Chuyển xử lý', en: 'Sent for processing' },
  transfer: { vi: 'Chuyển bước xử lý', en: 'Passed to the next step' },
  request_supplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Documents requested' },
  supplement: { vi: 'Đã bổ sung hồ sơ', en: 'Documents sent' },
  request_payment: { vi: 'Yêu cầu nộp phí, lệ phí', en: 'Payment requested' },
  confirm_payment: { vi: 'Đã nộp phí, lệ phí', en: 'Payment received' },
  stop: { vi: 'Tạm dừng giải quyết', en: 'Processing suspended' },
  resume: { vi: 'Tiếp tục giải quyết', en: 'Processing resumed' },
  resolve: { vi: 'Đã có kết quả', en: 'Result ready' },
  return_result: { vi: 'Đã trả kết quả', en: 'Result delivered' },
  withdraw: { vi: 'Đã rút hồ sơ', en: 'Application withdrawn' },
  apologise: { vi: 'Xin lỗi và hẹn lại ngày trả', en: 'Apology and new date' },
  // The reference server's housekeeping, on a draft untouched for long (its note says when).
  expiry_warning: { vi: 'Hồ sơ nháp sắp bị xóa', en: 'Draft to be deleted' },
};

/**
 * Where the dossier can go from here, read from the status machine itself. Withdrawing is the
 * citizen's choice at any time, not a next step: it is left out.
 */
export function nextStatuses(dossier: TrackedDossier): DossierStatus[] {
  const targets = new Set<DossierStatus>();
  for (const action of availableActions(dossier)) {
    if (action === 'withdraw') continue;
    const rule: ActionRule = ACTIONS[action];
    const to =
      typeof rule.to === 'object'
        ? dossier.receivedAt
          ? rule.to.ifReceived
          : rule.to.otherwise
        : rule.to;
    if (to !== 'same' && to !== dossier.status) targets.add(to);
  }
  return [...targets];
}

/** One event of the history: what happened, when, by whom, the notice issued, a new due date. */
export function renderEvent(event: TrackedEvent, locale: Locale) {
  const label = EVENT_LABELS[event.action]?.[locale] ?? event.action;
  const actor = event.actor;
  const who = actor
    ? actor.role === 'citizen'
      ? words.you[locale]
      : [actor.name ?? words[actor.role][locale], actor.agencyCode].filter(Boolean).join(', ')
    : '';
  const notice = event.notice;
  return html`<li part="event" class="event">
    <p class="what"><strong>${label}</strong></p>
    <p class="meta">
      <time datetime=${event.at}>${formatDate(event.at, locale, true)}</time>${who ? ` · ${who}` : ''}
    </p>
    ${event.note ? html`<p class="note">${event.note}</p>` : nothing}
    ${
      notice
        ? html`<p class="notice">
          ${words.notice[locale]} ${NOTICE_LABELS[notice.kind][locale]}${notice.number ? ` ${words.number[locale]} ${notice.number}` : ''}
        </p>`
        : nothing
    }
    ${event.dueAt ? html`<p class="notice">${words.newDue[locale]} ${formatDate(event.dueAt, locale)}</p>` : nothing}
  </li>`;
}
