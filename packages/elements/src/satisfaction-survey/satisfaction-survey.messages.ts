import { defineMessages } from '../base/localization.js';

/** What the survey says before its form arrives (the form's words: survey-parts.messages.ts). */
export const surveyMessages = defineMessages('satisfaction-survey', {
  title: { vi: 'Đánh giá mức độ hài lòng', en: 'Rate the service' },
  loading: { vi: 'Đang tải phiếu đánh giá…', en: 'Loading the survey…' },
  notYet: {
    vi: 'Bạn có thể đánh giá sau khi nhận kết quả hồ sơ.',
    en: 'You can rate the service once the result is returned.',
  },
  closed: {
    vi: 'Đã hết thời hạn đánh giá hồ sơ này.',
    en: 'The time for rating this dossier is over.',
  },
  error: {
    vi: 'Không tải hoặc gửi được đánh giá.',
    en: 'The survey could not be loaded or sent.',
  },
  offline: {
    vi: 'Không có kết nối mạng. Sẽ thử lại khi có mạng.',
    en: 'You are offline. We will retry once you are back online.',
  },
  retry: { vi: 'Thử lại', en: 'Try again' },
});
