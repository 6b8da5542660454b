import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

/** The words of the survey's form and answers, loaded with them. */
export const surveyFormMessages = defineMessages('satisfaction-survey', {
  intro: {
    vi: 'Ý kiến của bạn giúp cơ quan phục vụ tốt hơn. Cán bộ chỉ thấy số liệu tổng hợp, không biết ai đã đánh giá.',
    en: 'Your opinion helps the agency serve better. Officers see only totals, never who answered.',
  },
  closedAnswered: {
    vi: 'Đã hết thời hạn sửa đánh giá. Cảm ơn bạn đã đánh giá.',
    en: 'Your rating can no longer be changed. Thank you for it.',
  },
  deadline: (date: string): LocalizedText => ({
    vi: `Bạn có thể đánh giá hoặc sửa đánh giá đến ${date}.`,
    en: `You can rate or change your rating until ${date}.`,
  }),
  submitted: { vi: 'Cảm ơn bạn đã đánh giá.', en: 'Thank you for your rating.' },
  yourAnswers: { vi: 'Đánh giá của bạn', en: 'Your rating' },
  edit: { vi: 'Sửa đánh giá', en: 'Change my rating' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  comment: { vi: 'Góp ý thêm (không bắt buộc)', en: 'Other comments (optional)' },
  commentHint: {
    vi: 'Không ghi thông tin cá nhân. Tối đa 2.000 ký tự.',
    en: 'Leave out personal details. Up to 2,000 characters.',
  },
  submit: { vi: 'Gửi đánh giá', en: 'Send rating' },
  update: { vi: 'Lưu thay đổi', en: 'Save changes' },
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  needOne: {
    vi: 'Chọn mức độ hài lòng cho ít nhất một tiêu chí.',
    en: 'Choose a rating for at least one criterion.',
  },
  notRated: { vi: 'Chưa đánh giá', en: 'Not rated' },
});
