import type { LocalizedText } from '@egov-kit/schema';

/**
 * The elements' own words, for the checks a browser would otherwise phrase in its UI language.
 * Domain rules (citizen ID, phone, tax code) bring their messages from `@egov-kit/schema`.
 * Where `validateFormData` checks the same thing, the wording is the same, so that a person sees
 * one message whether the browser or the server found the problem.
 *
 * One export per component beside the shared `messages`, so that a page that registers one
 * element does not ship every other element's words.
 */
export const messages = {
  errorPrefix: { vi: 'Lỗi:', en: 'Error:' },
  required: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  requiredNamed: (label: string): LocalizedText => ({
    vi: `Nhập ${lowerFirst(label)}.`,
    en: `Enter ${lowerFirst(label)}.`,
  }),
  chooseNamed: (label: string): LocalizedText => ({
    vi: `Chọn ${lowerFirst(label)}.`,
    en: `Select ${lowerFirst(label)}.`,
  }),
  email: {
    vi: 'Nhập địa chỉ email đúng dạng, ví dụ ten@example.vn.',
    en: 'Enter an email address in the correct format, like name@example.com.',
  },
  tooShort: (min: number): LocalizedText => ({
    vi: `Nhập ít nhất ${min} ký tự.`,
    en: `Enter at least ${min} characters.`,
  }),
  tooLong: (max: number): LocalizedText => ({
    vi: `Nhập tối đa ${max} ký tự.`,
    en: `Enter ${max} characters or fewer.`,
  }),
  pattern: { vi: 'Giá trị không đúng định dạng.', en: 'Enter a value in the correct format.' },
  // The number messages are validateFormData's, with the label leading the sentence.
  notNumber: (label: string): LocalizedText => ({
    vi: `${label} phải là một số.`,
    en: `${label} must be a number.`,
  }),
  rangeUnderflow: (label: string, min: number): LocalizedText => ({
    vi: `${label} phải từ ${min.toLocaleString('vi-VN')} trở lên.`,
    en: `${label} must be ${min.toLocaleString('en-GB')} or more.`,
  }),
  rangeOverflow: (label: string, max: number): LocalizedText => ({
    vi: `${label} không được lớn hơn ${max.toLocaleString('vi-VN')}.`,
    en: `${label} must be ${max.toLocaleString('en-GB')} or less.`,
  }),
  choose: { vi: '— Chọn —', en: '— Select —' },
} as const;

export const textareaMessages = {
  charactersLeft: (count: number): LocalizedText => ({
    vi: `Bạn còn ${count} ký tự`,
    en: `You have ${count} ${count === 1 ? 'character' : 'characters'} remaining`,
  }),
  charactersOver: (count: number): LocalizedText => ({
    vi: `Bạn đã nhập quá ${count} ký tự`,
    en: `You have ${count} ${count === 1 ? 'character' : 'characters'} too many`,
  }),
  limit: (max: number): LocalizedText => ({
    vi: `Bạn có thể nhập tối đa ${max} ký tự.`,
    en: `You can enter up to ${max} characters.`,
  }),
} as const;

export const dateMessages = {
  day: { vi: 'Ngày', en: 'Day' },
  month: { vi: 'Tháng', en: 'Month' },
  year: { vi: 'Năm', en: 'Year' },
  example: { vi: 'Ví dụ: 27 3 1990', en: 'For example, 27 3 1990' },
  incomplete: (label: string): LocalizedText => ({
    vi: `${label} phải có đủ ngày, tháng và năm.`,
    en: `${label} must include a day, a month and a year.`,
  }),
  yearDigits: (label: string): LocalizedText => ({
    vi: `Năm của ${lowerFirst(label)} phải có 4 chữ số.`,
    en: `The year of ${lowerFirst(label)} must have 4 digits.`,
  }),
  // From here on validateFormData's wording.
  notReal: (label: string): LocalizedText => ({
    vi: `${label} phải là một ngày có thật.`,
    en: `${label} must be a real date.`,
  }),
  notBefore: (label: string, date: string): LocalizedText => ({
    vi: `${label} phải từ ngày ${date} trở đi.`,
    en: `${label} must be on or after ${date}.`,
  }),
  notAfter: (label: string, date: string): LocalizedText => ({
    vi: `${label} không được sau ngày ${date}.`,
    en: `${label} must be on or before ${date}.`,
  }),
  notAfterToday: (label: string): LocalizedText => ({
    vi: `${label} không được sau ngày hôm nay.`,
    en: `${label} must be today or in the past.`,
  }),
} as const;

export const checkboxMessages = {
  // validateFormData's wording for a required single checkbox.
  tick: (label: string): LocalizedText => ({
    vi: `Đánh dấu ô "${label}".`,
    en: `Tick "${label}".`,
  }),
} as const;

export const addressMessages = {
  province: { vi: 'Tỉnh, thành phố', en: 'Province or city' },
  commune: { vi: 'Xã, phường, đặc khu', en: 'Commune or ward' },
  street: { vi: 'Số nhà, đường, thôn, tổ dân phố', en: 'House number, street, hamlet' },
  chooseProvinceFirst: { vi: '— Chọn tỉnh trước —', en: '— Select a province first —' },
  loading: { vi: 'Đang tải danh sách đơn vị hành chính…', en: 'Loading the list of places…' },
  loadFailed: {
    vi: 'Không tải được danh sách đơn vị hành chính. Kiểm tra kết nối mạng rồi thử lại.',
    en: 'The list of places could not be loaded. Check your connection and try again.',
  },
  retry: { vi: 'Thử lại', en: 'Try again' },
  // validateFormData's wording for an incomplete address.
  incomplete: (label: string): LocalizedText => ({
    vi: `Chọn tỉnh/thành phố, xã/phường và nhập số nhà, đường cho ${lowerFirst(label)}.`,
    en: `Choose the province, the commune and enter the street for ${lowerFirst(label)}.`,
  }),
  oldAddress: (name: string): LocalizedText => ({
    vi: `Địa chỉ cũ "${name}" nay thuộc:`,
    en: `The old address "${name}" is now in:`,
  }),
  use: (name: string): LocalizedText => ({ vi: `Dùng ${name}`, en: `Use ${name}` }),
  oldUnknown: (code: string): LocalizedText => ({
    vi: `Không tìm thấy đơn vị hành chính cũ có mã ${code}. Chọn địa chỉ mới bên dưới.`,
    en: `No former administrative unit has the code ${code}. Choose the current address below.`,
  }),
} as const;

export const uploadMessages = {
  choose: { vi: 'Chọn tệp', en: 'Choose files' },
  chooseOne: { vi: 'Chọn tệp', en: 'Choose a file' },
  drop: { vi: 'hoặc kéo thả tệp vào đây', en: 'or drop files here' },
  uploadNamed: (label: string): LocalizedText => ({
    vi: `Tải lên ${lowerFirst(label)}.`,
    en: `Upload ${lowerFirst(label)}.`,
  }),
  accepted: (types: string, size: string): LocalizedText => ({
    vi: `Tệp ${types}${size ? `, tối đa ${size} mỗi tệp` : ''}.`,
    en: `${types} files${size ? `, up to ${size} each` : ''}.`,
  }),
  or: { vi: 'hoặc', en: 'or' },
  remove: { vi: 'Xoá', en: 'Remove' },
  retry: { vi: 'Thử lại', en: 'Retry' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  removed: (name: string): LocalizedText => ({
    vi: `Đã xoá tệp ${name}.`,
    en: `${name} removed.`,
  }),
  added: (count: number): LocalizedText => ({
    vi: `Đã chọn ${count} tệp.`,
    en: `${count} ${count === 1 ? 'file' : 'files'} selected.`,
  }),
  uploading: { vi: 'Đang tải lên', en: 'Uploading' },
  uploaded: { vi: 'Đã tải lên', en: 'Uploaded' },
  ready: { vi: 'Sẵn sàng gửi', en: 'Ready to send' },
  failed: { vi: 'Tải lên không thành công.', en: 'The upload failed.' },
  cancelled: { vi: 'Đã huỷ tải lên.', en: 'Upload cancelled.' },
  rejected: { vi: 'Không nhận', en: 'Not accepted' },
  pages: (count: number): LocalizedText => ({
    vi: `${count} trang`,
    en: `${count} ${count === 1 ? 'page' : 'pages'}`,
  }),
  type: (types: string): LocalizedText => ({
    vi: `Loại tệp này không được nhận. Chọn tệp ${types}.`,
    en: `This type of file is not accepted. Choose a ${types} file.`,
  }),
  content: (kind: string): LocalizedText => ({
    vi: `Nội dung tệp không phải ${kind} như phần mở rộng của tên tệp. Tệp có thể bị hỏng hoặc bị đổi tên.`,
    en: `The file's content is not ${kind}, as its name says. It may be damaged or renamed.`,
  }),
  size: (max: string): LocalizedText => ({
    vi: `Tệp lớn hơn ${max}. Chọn tệp nhỏ hơn hoặc chụp lại với độ phân giải thấp hơn.`,
    en: `The file is larger than ${max}. Choose a smaller file or scan it at a lower resolution.`,
  }),
  empty: { vi: 'Tệp rỗng.', en: 'The file is empty.' },
  count: (max: number): LocalizedText => ({
    vi: `Chỉ được tải lên tối đa ${max} tệp; tệp này không được thêm.`,
    en: `Up to ${max} ${max === 1 ? 'file' : 'files'} can be uploaded; this one was not added.`,
  }),
  duplicate: { vi: 'Tệp này đã được chọn.', en: 'This file is already selected.' },
  unreadable: {
    vi: 'Không đọc được tệp. Chọn lại tệp.',
    en: 'The file could not be read. Choose it again.',
  },
  pending: (label: string): LocalizedText => ({
    vi: `Chờ tải lên xong ${lowerFirst(label)}.`,
    en: `Wait until ${lowerFirst(label)} has finished uploading.`,
  }),
  failedNamed: (name: string): LocalizedText => ({
    vi: `Tệp ${name} chưa tải lên được: thử lại hoặc xoá tệp.`,
    en: `${name} was not uploaded: retry or remove it.`,
  }),
  notAccepted: (name: string): LocalizedText => ({
    vi: `${name}: không nhận.`,
    en: `${name}: not accepted.`,
  }),
} as const;

export const summaryMessages = {
  title: { vi: 'Có lỗi cần sửa', en: 'There is a problem' },
} as const;

export const formMessages = {
  submit: { vi: 'Gửi hồ sơ', en: 'Submit' },
  next: { vi: 'Tiếp tục', en: 'Continue' },
  back: { vi: 'Quay lại', en: 'Back' },
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  step: (current: number, total: number): LocalizedText => ({
    vi: `Bước ${current}/${total}`,
    en: `Step ${current} of ${total}`,
  }),
  steps: { vi: 'Các bước', en: 'Steps' },
  draftRestored: (when: string): LocalizedText => ({
    vi: `Đã khôi phục bản nháp lưu lúc ${when}.`,
    en: `Your draft saved at ${when} has been restored.`,
  }),
  discardDraft: { vi: 'Bỏ bản nháp, nhập lại từ đầu', en: 'Discard the draft and start again' },
  draftDiscarded: { vi: 'Đã bỏ bản nháp.', en: 'The draft has been discarded.' },
  // Also said when the sync module could not be fetched (offline).
  submitOffline: {
    vi: 'Chưa gửi được hồ sơ vì mất kết nối. Câu trả lời vẫn được giữ; kiểm tra kết nối rồi bấm gửi lại — hồ sơ chỉ được nộp một lần.',
    en: 'Your application was not sent because the connection dropped. Your answers are kept; check your connection and submit again — it will be submitted only once.',
  },
} as const;

/**
 * The form's words with a client: the server draft's status, a conflict, a failed submit. Apart,
 * so that they load with the sync module (dossier-form/sync.ts), not with every form.
 */
export const syncMessages = {
  syncSaved: {
    vi: 'Bản nháp đã được lưu trên hệ thống.',
    en: 'Your draft is saved on the service.',
  },
  syncOffline: {
    vi: 'Đã lưu trên thiết bị này; sẽ đồng bộ lên hệ thống khi có kết nối.',
    en: 'Saved on this device; it will be sent to the service when you are back online.',
  },
  syncFailed: (reason: string): LocalizedText => ({
    vi: `Chưa lưu được bản nháp lên hệ thống: ${reason} Câu trả lời vẫn được giữ trên thiết bị này.`,
    en: `Your draft could not be saved on the service: ${reason} Your answers are kept on this device.`,
  }),
  conflictTitle: {
    vi: 'Bản nháp này đã được sửa ở nơi khác',
    en: 'This draft was changed somewhere else',
  },
  conflictBody: {
    vi: 'Hồ sơ đã được sửa trên một thẻ hoặc thiết bị khác sau lần lưu cuối của bạn ở đây. Chưa có gì bị ghi đè. Chọn bản muốn giữ.',
    en: 'The dossier was changed in another tab or on another device since you last saved it here. Nothing has been overwritten. Choose which version to keep.',
  },
  useSaved: { vi: 'Dùng bản đã lưu trên hệ thống', en: 'Use the saved version' },
  keepMine: { vi: 'Giữ câu trả lời của tôi', en: 'Keep my answers' },
  usedSaved: {
    vi: 'Đã chuyển sang bản đã lưu trên hệ thống.',
    en: 'The saved version is now shown.',
  },
  keptMine: {
    vi: 'Đã lưu câu trả lời của bạn lên hệ thống, thay cho bản kia.',
    en: 'Your answers have been saved on the service in place of the other version.',
  },
  resolveFirst: {
    vi: 'Chọn bản nháp muốn giữ trước khi gửi hồ sơ.',
    en: 'Choose which draft to keep before you submit.',
  },
  submitFailed: (reason: string): LocalizedText => ({
    vi: `Chưa gửi được hồ sơ: ${reason} Câu trả lời vẫn được giữ.`,
    en: `Your application was not sent: ${reason} Your answers are kept.`,
  }),
  submitted: (code: string): LocalizedText => ({
    vi: `Đã nộp hồ sơ. Mã hồ sơ của bạn: ${code}.`,
    en: `Your application has been submitted. Your dossier code is ${code}.`,
  }),
  signInAgain: {
    vi: 'Phiên đăng nhập đã hết hoặc bạn không có quyền với hồ sơ này. Đăng nhập lại rồi thử lại.',
    en: 'Your session has ended or you may not change this dossier. Sign in again and retry.',
  },
  notADraft: {
    vi: 'Hồ sơ này đã được nộp nên không sửa được nữa.',
    en: 'This dossier has already been submitted, so it can no longer be changed.',
  },
  serverDown: {
    vi: 'Hệ thống đang gặp sự cố; hãy thử lại sau ít phút.',
    en: 'The service has a problem; try again in a few minutes.',
  },
  serverRefused: (status: string): LocalizedText => ({
    vi: `Hệ thống từ chối yêu cầu (mã ${status}).`,
    en: `The service refused the request (code ${status}).`,
  }),
} as const;

/** Lower-cases the first letter for use mid-sentence, keeping acronyms such as "CCCD" intact. */
export function lowerFirst(text: string): string {
  return /^.\p{Lu}/u.test(text) ? text : text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
