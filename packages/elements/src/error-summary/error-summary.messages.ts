import { defineMessages } from '../base/localization.js';

export const summaryMessages = /* @__PURE__ */ defineMessages('error-summary', {
  title: { vi: 'Có lỗi cần sửa', en: 'There is a problem' },
});
