import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { plural } from '../base/plural.js';

/** The words of `egov-dossier-tracker`; the status names are `status.*` (internal/status.messages.ts). */
export const trackerMessages = /* @__PURE__ */ defineMessages('dossier-tracker', {
  code: { vi: 'Mã hồ sơ', en: 'Application code' },
  status: { vi: 'Trạng thái', en: 'Status' },
  nationalCode: { vi: 'Mã trạng thái quốc gia', en: 'National status code' },
  loading: { vi: 'Đang tải thông tin hồ sơ…', en: 'Loading the application…' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  changed: { vi: 'Trạng thái hồ sơ đã thay đổi:', en: 'The application status has changed:' },
  dueAt: { vi: 'Ngày hẹn trả kết quả', en: 'Result due' },
  daysLeft: (days: number): LocalizedText => ({
    vi: `Còn ${days} ngày làm việc`,
    en: plural('en', days, { one: `${days} working day left`, other: `${days} working days left` }),
  }),
  dueToday: { vi: 'Hôm nay là ngày hẹn trả kết quả', en: 'The result is due today' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  overdueDays: (days: number): LocalizedText => ({
    vi: `Đã quá hạn ${days} ngày làm việc.`,
    en: plural('en', days, {
      one: `${days} working day past the due date.`,
      other: `${days} working days past the due date.`,
    }),
  }),
  overdueToday: {
    vi: 'Đã quá giờ hẹn trả kết quả hôm nay.',
    en: 'The result was due earlier today.',
  },
  overdueRights: {
    vi: 'Cơ quan phải gửi bạn văn bản xin lỗi và hẹn lại ngày trả kết quả.',
    en: 'The agency must send you a written apology with a new date.',
  },
  paused: {
    vi: 'Thời hạn đang tạm dừng: ngày hẹn sẽ lùi lại bằng số ngày chờ bạn.',
    en: 'The time limit is paused: the due date moves back by the days spent waiting for you.',
  },
  onTime: { vi: 'Trả kết quả đúng hạn.', en: 'Completed on time.' },
  late: { vi: 'Trả kết quả trễ hạn.', en: 'Completed late.' },
  extended: { vi: 'Đã hẹn lại ngày trả kết quả', en: 'New date for the result' },
  extendedText: (date: string, before: string | undefined): LocalizedText => ({
    vi: `Cơ quan đã xin lỗi vì chưa trả kết quả đúng hẹn và hẹn lại ngày ${date}${before ? ` (hẹn trước: ${before})` : ''}.`,
    en: `The agency has apologised for the delay and set a new date: ${date}${before ? ` (was ${before})` : ''}.`,
  }),
  yourTurn: { vi: 'Việc bạn cần làm', en: 'What you need to do' },
  supplement: { vi: 'Bổ sung hồ sơ', en: 'Send the documents' },
  supplementText: {
    vi: 'Cơ quan yêu cầu bạn bổ sung các giấy tờ sau:',
    en: 'The agency asks you to send these documents:',
  },
  supplementTextUnnamed: {
    vi: 'Cơ quan yêu cầu bạn bổ sung giấy tờ. Xem phiếu yêu cầu bổ sung hoặc ghi chú của cơ quan.',
    en: 'The agency asks you to send more documents. See the request notice or the agency’s note.',
  },
  pay: { vi: 'Nộp phí, lệ phí', en: 'Pay the fees' },
  payText: {
    vi: 'Nộp phí, lệ phí để cơ quan tiếp tục giải quyết hồ sơ.',
    en: 'Pay the fees so that the agency can go on with your application.',
  },
  collect: { vi: 'Nhận kết quả', en: 'Collect the result' },
  collectText: {
    vi: 'Kết quả đã sẵn sàng. Nhận trực tuyến hoặc tại nơi nộp hồ sơ, mang theo giấy tiếp nhận.',
    en: 'The result is ready. Get it online or where you applied; bring your receipt.',
  },
  rate: { vi: 'Đánh giá dịch vụ', en: 'Rate the service' },
  rateText: {
    vi: 'Cho chúng tôi biết bạn có hài lòng với việc giải quyết hồ sơ không.',
    en: 'Tell us whether you are satisfied with how your application was handled.',
  },
});
