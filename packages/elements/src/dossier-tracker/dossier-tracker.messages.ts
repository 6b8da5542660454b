import { defineMessages } from '../base/localization.js';

/**
 * The words of `egov-dossier-tracker`'s first screen: the status and the due date. The status
 * names are `status.*` (internal/status.messages.ts); the words shown a moment later (the days
 * left, the citizen's action, the history) are in details.messages.ts, loaded with them.
 */
export const trackerMessages = /* @__PURE__ */ defineMessages('dossier-tracker', {
  code: { vi: 'Mã hồ sơ', en: 'Application code' },
  status: { vi: 'Trạng thái', en: 'Status' },
  nationalCode: { vi: 'Mã trạng thái quốc gia', en: 'National status code' },
  loading: { vi: 'Đang tải thông tin hồ sơ…', en: 'Loading the application…' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  changed: { vi: 'Trạng thái hồ sơ đã thay đổi:', en: 'The application status has changed:' },
  dueAt: { vi: 'Ngày hẹn trả kết quả', en: 'Result due' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
});
