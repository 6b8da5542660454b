import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';

/**
 * The words of `egov-signature-pad`'s first load: the mode choice, and what to do when a mode's
 * panel cannot be fetched. Each panel brings its mode's words — its validity messages too
 * (draw.messages.ts, panels.messages.ts); until it is there, the control says what every control
 * says (form-control.messages.ts).
 */
export const signaturePadMessages = /* @__PURE__ */ defineMessages('signature-pad', {
  modes: { vi: 'Cách ký', en: 'How to sign' },
  draw: { vi: 'Ký tay', en: 'Draw' },
  type: { vi: 'Gõ họ tên', en: 'Type your name' },
  declaration: { vi: 'Cam đoan', en: 'Declare' },
  modeChosen: (mode: string): LocalizedText => ({
    vi: `Đã chọn cách ký: ${mode}.`,
    en: `Signing method: ${mode}.`,
  }),
  loadFailed: {
    vi: 'Không tải được phần này. Kiểm tra kết nối mạng rồi thử lại, hoặc chọn cách ký khác.',
    en: 'This part could not be loaded. Check your connection and try again, or choose another way to sign.',
  },
  retry: { vi: 'Thử lại', en: 'Try again' },
});
