import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { plural } from '../base/plural.js';

/**
 * The words of the box to draw in (ids `signature-pad.*`), loaded with it (draw.lazy.ts); the
 * box's name is in signature-pad.messages.ts, as a required signature's message uses it.
 */
export const drawWords = /* @__PURE__ */ defineMessages('signature-pad', {
  drawHint: {
    vi: 'Không dùng được chuột hay màn hình cảm ứng? Chọn "Gõ họ tên" hoặc "Cam đoan".',
    en: 'Cannot use a mouse or a touch screen? Choose "Type your name" or "Declare".',
  },
  undo: { vi: 'Hoàn tác nét cuối', en: 'Undo last stroke' },
  clear: { vi: 'Xóa chữ ký', en: 'Clear signature' },
  strokeAdded: (count: number): LocalizedText => ({
    vi: `Đã thêm nét ký. Chữ ký có ${count} nét.`,
    en: plural('en', count, {
      one: `Stroke added. The signature has ${count} stroke.`,
      other: `Stroke added. The signature has ${count} strokes.`,
    }),
  }),
  undone: (count: number): LocalizedText => ({
    vi: count ? `Đã hoàn tác nét cuối. Còn ${count} nét.` : 'Đã hoàn tác nét cuối. Ô ký trống.',
    en: count
      ? plural('en', count, {
          one: `Last stroke undone. ${count} stroke left.`,
          other: `Last stroke undone. ${count} strokes left.`,
        })
      : 'Last stroke undone. The signature box is empty.',
  }),
  cleared: { vi: 'Đã xóa chữ ký. Ô ký trống.', en: 'Signature cleared. The box is empty.' },
});
