import type { LocalizedText, OnlineLevel, ProcedureLevel } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { plural } from '../base/plural.js';

export const searchMessages = /* @__PURE__ */ defineMessages('procedure-search', {
  search: { vi: 'Tìm thủ tục hành chính', en: 'Search for a procedure' },
  hint: {
    vi: 'Gõ có dấu hoặc không dấu, ví dụ: đăng ký nghĩa vụ quân sự',
    en: 'With or without Vietnamese accents, for example: dang ky nghia vu quan su',
  },
  level: { vi: 'Cấp thực hiện', en: 'Level' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  online: { vi: 'Mức độ trực tuyến', en: 'Online service' },
  any: { vi: 'Tất cả', en: 'All' },
  results: { vi: 'Kết quả tìm kiếm', en: 'Search results' },
  count: (n: number): LocalizedText => ({
    vi: `${n} thủ tục`,
    en: plural('en', n, { one: `${n} procedure`, other: `${n} procedures` }),
  }),
  countMore: (n: number): LocalizedText => ({
    vi: `${n} thủ tục đầu tiên, còn nữa`,
    en: `First ${n} procedures, more available`,
  }),
  searching: { vi: 'Đang tìm…', en: 'Searching…' },
  failed: {
    vi: 'Không tìm được thủ tục. Kiểm tra kết nối mạng rồi thử lại.',
    en: 'The search failed. Check your connection and try again.',
  },
  offline: {
    vi: 'Bạn đang ngoại tuyến. Khi có mạng, tìm kiếm sẽ tự chạy lại, hoặc bấm "Thử lại".',
    en: 'You are offline. The search runs again when you are back online, or press "Try again".',
  },
  retry: { vi: 'Thử lại', en: 'Try again' },
  moreServer: { vi: 'Xem thêm thủ tục', en: 'Show more' },
  none: {
    vi: 'Không tìm thấy thủ tục nào. Hãy thử từ khác, ít từ hơn hoặc bỏ bớt bộ lọc.',
    en: 'No procedure found. Try other words, fewer words or fewer filters.',
  },
  more: (n: number): LocalizedText => ({
    vi: `Xem thêm (còn ${n} thủ tục)`,
    en: `Show more (${n} more)`,
  }),
  code: { vi: 'Mã', en: 'Code' },
});

export const LEVELS = /* @__PURE__ */ defineMessages('procedure-search.level', {
  ministry: { vi: 'Cấp Bộ', en: 'Ministry' },
  province: { vi: 'Cấp Tỉnh', en: 'Province' },
  commune: { vi: 'Cấp Xã', en: 'Commune' },
} satisfies Record<ProcedureLevel, LocalizedText>);

export const ONLINE_LEVELS = /* @__PURE__ */ defineMessages('procedure-search.online-level', {
  full: { vi: 'Trực tuyến toàn trình', en: 'Fully online' },
  partial: { vi: 'Trực tuyến một phần', en: 'Partly online' },
  none: { vi: 'Không trực tuyến', en: 'Not online' },
} satisfies Record<OnlineLevel, LocalizedText>);
