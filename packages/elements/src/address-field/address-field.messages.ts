import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { lowerFirst } from '../internal/lower-first.js';

export const addressMessages = /* @__PURE__ */ defineMessages('address-field', {
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
});
