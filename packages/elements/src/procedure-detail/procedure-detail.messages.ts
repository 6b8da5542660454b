import type { Channel, LocalizedText, OnlineLevel, ProcedureLevel } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { plural } from '../base/plural.js';

/** The words of `egov-procedure-detail`. */
export const detailMessages = /* @__PURE__ */ defineMessages('procedure-detail', {
  code: { vi: 'Mã thủ tục', en: 'Procedure code' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  level: { vi: 'Cấp thực hiện', en: 'Carried out by' },
  type: { vi: 'Loại thủ tục', en: 'Kind of procedure' },
  decision: { vi: 'Quyết định công bố', en: 'Published by' },
  online: { vi: 'Mức độ trực tuyến', en: 'Online service' },
  about: { vi: 'Thủ tục này để làm gì', en: 'What this procedure is for' },
  who: { vi: 'Ai được thực hiện', en: 'Who can apply' },
  conditions: { vi: 'Yêu cầu, điều kiện', en: 'Requirements and conditions' },
  steps: { vi: 'Các bước thực hiện', en: 'Steps' },
  channels: { vi: 'Cách nộp, thời hạn và phí, lệ phí', en: 'How to apply, time limits and fees' },
  documents: { vi: 'Thành phần hồ sơ', en: 'Documents you need' },
  results: { vi: 'Kết quả bạn nhận được', en: 'What you receive' },
  where: { vi: 'Nơi nộp hồ sơ và cơ quan giải quyết', en: 'Where to apply and who decides' },
  legal: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  time: { vi: 'Thời hạn giải quyết', en: 'Time limit' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees and charges' },
  note: { vi: 'Ghi chú', en: 'Note' },
  free: { vi: 'Miễn phí', en: 'Free of charge' },
  fee: { vi: 'Phí', en: 'Fee' },
  charge: { vi: 'Lệ phí', en: 'Charge' },
  asPublished: { vi: 'Nguyên văn theo văn bản công bố', en: 'As published (in Vietnamese)' },
  notStated: { vi: 'Không có thông tin', en: 'Not stated' },
  sameDay: { vi: 'Trong ngày', en: 'The same day' },
  original: (n: number): LocalizedText => ({
    vi: `${n} bản chính`,
    en: plural('en', n, { one: `${n} original`, other: `${n} originals` }),
  }),
  copy: (n: number): LocalizedText => ({
    vi: `${n} bản sao`,
    en: plural('en', n, { one: `${n} copy`, other: `${n} copies` }),
  }),
  required: { vi: 'Bắt buộc', en: 'Required' },
  ifApplicable: { vi: 'Nếu thuộc trường hợp', en: 'Only if it applies to you' },
  onlineForm: {
    vi: 'Bắt buộc — nộp trực tuyến: kê khai trên biểu mẫu điện tử, không cần tải lên',
    en: 'Required — online, the e-form is this document: nothing to upload',
  },
  template: { vi: 'Mẫu đơn, tờ khai:', en: 'Form to fill in:' },
  download: (name: string): LocalizedText => ({
    vi: `Tải mẫu: ${name}`,
    en: `Download the form: ${name}`,
  }),
  implementing: { vi: 'Cơ quan thực hiện', en: 'Handled by' },
  competent: { vi: 'Cơ quan có thẩm quyền', en: 'Decided by' },
  delegated: { vi: 'Cơ quan được ủy quyền', en: 'Delegated to' },
  coordinating: { vi: 'Cơ quan phối hợp', en: 'In cooperation with' },
  address: { vi: 'Địa chỉ tiếp nhận hồ sơ', en: 'Where applications are received' },
  apply: { vi: 'Nộp hồ sơ trực tuyến', en: 'Apply online' },
  notOnline: {
    vi: 'Thủ tục này chưa nộp trực tuyến được. Hãy nộp trực tiếp hoặc qua bưu chính tại nơi nêu trên.',
    en: 'This procedure cannot be done online yet. Apply in person or by post at the place above.',
  },
  loading: { vi: 'Đang tải thông tin thủ tục…', en: 'Loading the procedure…' },
  notFound: (code: string): LocalizedText => ({
    vi: `Không tìm thấy thủ tục có mã ${code}. Kiểm tra lại mã thủ tục hoặc tìm theo tên.`,
    en: `There is no procedure with code ${code}. Check the code, or search by name.`,
  }),
  failed: {
    vi: 'Không tải được thông tin thủ tục. Kiểm tra kết nối mạng rồi thử lại.',
    en: 'The procedure could not be loaded. Check your connection and try again.',
  },
  offline: {
    vi: 'Bạn đang ngoại tuyến. Khi có mạng trở lại, bấm "Thử lại".',
    en: 'You are offline. When you are back online, press "Try again".',
  },
  retry: { vi: 'Thử lại', en: 'Try again' },
});

/** Levels as a citizen says them. */
export const LEVEL_NAMES = /* @__PURE__ */ defineMessages('procedure.level', {
  ministry: { vi: 'Cấp Bộ', en: 'Ministry' },
  province: { vi: 'Cấp Tỉnh', en: 'Province' },
  commune: { vi: 'Cấp Xã', en: 'Commune' },
} satisfies Record<ProcedureLevel, LocalizedText>);

/** How a dossier is lodged (hình thức nộp). */
export const CHANNEL_NAMES = /* @__PURE__ */ defineMessages('procedure.channel', {
  in_person: { vi: 'Nộp trực tiếp', en: 'In person' },
  online: { vi: 'Nộp trực tuyến', en: 'Online' },
  postal: { vi: 'Qua dịch vụ bưu chính', en: 'By post' },
} satisfies Record<Channel, LocalizedText>);

/**
 * The online levels with what each means for the person. Decree 42/2022/NĐ-CP, Art. 11:
 * "toàn trình" — everything, from the application to the result, online; "một phần" — some
 * steps (showing originals, collecting the result, paying) in person.
 */
export const ONLINE_LEVELS = /* @__PURE__ */ defineMessages('procedure.online-level', {
  full: {
    name: { vi: 'Trực tuyến toàn trình', en: 'Fully online' },
    explained: {
      vi: 'Bạn làm toàn bộ trên mạng: nộp hồ sơ, nộp phí và nhận kết quả, không phải đến cơ quan.',
      en: 'You do everything online: apply, pay and get the result, without going to an office.',
    },
  },
  partial: {
    name: { vi: 'Trực tuyến một phần', en: 'Partly online' },
    explained: {
      vi: 'Bạn nộp hồ sơ trên mạng, nhưng có bước phải đến cơ quan, như xuất trình bản chính hoặc nhận kết quả.',
      en: 'You apply online, but some steps are in person, such as showing originals or collecting the result.',
    },
  },
  none: {
    name: { vi: 'Không trực tuyến', en: 'Not online' },
    explained: {
      vi: 'Thủ tục này chỉ nộp trực tiếp hoặc qua bưu chính.',
      en: 'This procedure is done in person or by post only.',
    },
  },
} satisfies Record<OnlineLevel, { name: LocalizedText; explained: LocalizedText }>);

/** A processing time's unit, after its number. */
export const UNIT_NAMES = /* @__PURE__ */ defineMessages('procedure.unit', {
  working_days: (n: number): LocalizedText => ({
    vi: 'ngày làm việc',
    en: plural('en', n, { one: `working day`, other: `working days` }),
  }),
  days: (n: number): LocalizedText => ({
    vi: 'ngày',
    en: plural('en', n, { one: `day`, other: `days` }),
  }),
  hours: (n: number): LocalizedText => ({
    vi: 'giờ làm việc',
    en: plural('en', n, { one: `working hour`, other: `working hours` }),
  }),
});
