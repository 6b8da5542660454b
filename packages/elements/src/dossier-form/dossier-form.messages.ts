import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

export const formMessages = /* @__PURE__ */ defineMessages('dossier-form', {
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
});
