import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { plural } from '../base/plural.js';

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

/** The due box's lines under the date, and the citizen's action (ids `dossier-tracker.*`). */
export const dueAndAction = /* @__PURE__ */ defineMessages('dossier-tracker', {
  daysLeft: (days: number): LocalizedText => ({
    vi: `Còn ${days} ngày làm việc`,
    en: plural('en', days, { one: `${days} working day left`, other: `${days} working days left` }),
  }),
  dueToday: { vi: 'Hôm nay là ngày hẹn trả kết quả', en: 'The result is due today' },
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
