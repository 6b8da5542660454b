import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { plural } from '../base/plural.js';
import { lowerFirst } from '../internal/lower-first.js';

export const uploadMessages = /* @__PURE__ */ defineMessages('file-upload', {
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
  remove: { vi: 'Xóa', en: 'Remove' },
  retry: { vi: 'Thử lại', en: 'Retry' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  removed: (name: string): LocalizedText => ({
    vi: `Đã xóa tệp ${name}.`,
    en: `${name} removed.`,
  }),
  added: (count: number): LocalizedText => ({
    vi: `Đã chọn ${count} tệp.`,
    en: plural('en', count, { one: `${count} file selected.`, other: `${count} files selected.` }),
  }),
  uploading: { vi: 'Đang tải lên', en: 'Uploading' },
  uploaded: { vi: 'Đã tải lên', en: 'Uploaded' },
  ready: { vi: 'Sẵn sàng gửi', en: 'Ready to send' },
  failed: { vi: 'Tải lên không thành công.', en: 'The upload failed.' },
  cancelled: { vi: 'Đã hủy tải lên.', en: 'Upload cancelled.' },
  rejected: { vi: 'Không nhận', en: 'Not accepted' },
  pages: (count: number): LocalizedText => ({
    vi: `${count} trang`,
    en: plural('en', count, { one: `${count} page`, other: `${count} pages` }),
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
    en: plural('en', max, {
      one: `Up to ${max} file can be uploaded; this one was not added.`,
      other: `Up to ${max} files can be uploaded; this one was not added.`,
    }),
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
    vi: `Tệp ${name} chưa tải lên được: thử lại hoặc xóa tệp.`,
    en: `${name} was not uploaded: retry or remove it.`,
  }),
  notAccepted: (name: string): LocalizedText => ({
    vi: `${name}: không nhận.`,
    en: `${name}: not accepted.`,
  }),
});
