import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

/** The words of the next steps and the history. */
export const words = /* @__PURE__ */ defineMessages('dossier-tracker', {
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
});

/** A citizen-facing name per event, in the past tense (the machine's labels are the officer's). */
export const EVENT_LABELS = /* @__PURE__ */ defineMessages('dossier-tracker.event', {
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
});
