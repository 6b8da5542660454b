import type { Channel, LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { plural } from '../base/plural.js';

export const receiptMessages = /* @__PURE__ */ defineMessages('receipt', {
  nation: { vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', en: 'SOCIALIST REPUBLIC OF VIETNAM' },
  motto: { vi: 'Độc lập - Tự do - Hạnh phúc', en: 'Independence - Freedom - Happiness' },
  title: {
    vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    en: 'Receipt of application and date for the result',
  },
  // Before the agency receives an online dossier, the portal confirms the submission only.
  confirmationTitle: {
    vi: 'Xác nhận nộp hồ sơ trực tuyến',
    en: 'Confirmation of online submission',
  },
  confirmationNote: {
    vi: 'Đây chưa phải giấy tiếp nhận hồ sơ. Cơ quan sẽ kiểm tra hồ sơ; khi tiếp nhận, cơ quan cấp giấy tiếp nhận hồ sơ và hẹn ngày trả kết quả.',
    en: 'This is not yet a receipt. The agency will check the application; when it receives it, it issues the receipt with the date for the result.',
  },
  submittedAt: { vi: 'Thời gian nộp hồ sơ', en: 'Submitted' },
  sets: { vi: 'Số lượng hồ sơ', en: 'Number of sets' },
  oneSet: { vi: '01 bộ', en: '1 set' },
  statutoryTime: {
    vi: 'Thời gian giải quyết hồ sơ theo quy định',
    en: 'Processing time set by law',
  },
  collectAt: { vi: 'Đăng ký nhận kết quả tại', en: 'Result to be collected at' },
  applicantSigns: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
  signHere: { vi: '(Ký và ghi rõ họ tên)', en: '(Signature and full name)' },
  documentsSubmitted: { vi: 'Thành phần hồ sơ đã nộp', en: 'Documents submitted' },
  printConfirmation: { vi: 'In xác nhận', en: 'Print the confirmation' },
  code: { vi: 'Mã hồ sơ', en: 'Application code' },
  verifier: { vi: 'Mã xác thực', en: 'Verification code' },
  keep: {
    vi: 'Giữ giấy này. Dùng mã hồ sơ và mã xác thực để tra cứu và nhận kết quả.',
    en: 'Keep this receipt. Use the application code and verification code to check the application and collect the result.',
  },
  agency: { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' },
  applicant: { vi: 'Tiếp nhận hồ sơ của', en: 'Application from' },
  idNumber: { vi: 'Số giấy tờ tùy thân', en: 'Identity number' },
  taxCode: { vi: 'Mã số thuế', en: 'Tax code' },
  representative: { vi: 'Người đại diện', en: 'Representative' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  procedure: { vi: 'Nội dung yêu cầu giải quyết', en: 'Request' },
  channel: { vi: 'Hình thức nộp', en: 'Submitted' },
  documents: { vi: 'Thành phần hồ sơ đã nhận', en: 'Documents received' },
  noDocuments: {
    vi: 'Không có giấy tờ kèm theo.',
    en: 'No documents were attached.',
  },
  originals: (n: number): LocalizedText => ({
    vi: `${n} bản chính`,
    en: plural('en', n, { one: `${n} original`, other: `${n} originals` }),
  }),
  copies: (n: number): LocalizedText => ({
    vi: `${n} bản sao`,
    en: plural('en', n, { one: `${n} copy`, other: `${n} copies` }),
  }),
  files: (n: number): LocalizedText => ({
    vi: `${n} tệp`,
    en: plural('en', n, { one: `${n} file`, other: `${n} files` }),
  }),
  receivedAt: { vi: 'Thời gian nhận hồ sơ', en: 'Received' },
  dueAt: { vi: 'Thời gian trả kết quả', en: 'Result due' },
  noDueDate: {
    vi: 'Chưa có ngày hẹn trả kết quả. Cơ quan sẽ báo cho bạn ngày hẹn.',
    en: 'No date for the result yet. The agency will tell you the date.',
  },
  notReceived: { vi: 'Chưa tiếp nhận', en: 'Not received yet' },
  notGiven: { vi: 'Không ghi', en: 'Not given' },
  receivedBy: { vi: 'Người tiếp nhận hồ sơ', en: 'Received by' },
  qr: {
    vi: 'Quét mã QR để tra cứu tình trạng hồ sơ',
    en: 'Scan the QR code to check the application',
  },
  qrLabel: {
    vi: 'Mã QR mở trang tra cứu hồ sơ',
    en: 'QR code that opens the application check page',
  },
  orVisit: { vi: 'Hoặc mở địa chỉ', en: 'Or open' },
  now: { vi: 'Tình trạng hiện tại', en: 'Current status' },
  // "10:00 ngày 04/03/2026": the time first, as official papers write it.
  officialTime: (clock: string, date: string): LocalizedText => ({
    vi: `${clock} ngày ${date}`,
    en: `${clock} on ${date}`,
  }),
  print: { vi: 'In giấy tiếp nhận', en: 'Print the receipt' },
});

export const CHANNELS = /* @__PURE__ */ defineMessages('receipt.channel', {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  postal: { vi: 'Qua bưu chính', en: 'By post' },
} satisfies Record<Channel, LocalizedText>);
